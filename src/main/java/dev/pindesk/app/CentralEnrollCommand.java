package dev.pindesk.app;

import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.adapters.central.CentralStore;
import dev.pindesk.adapters.journal.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code central enroll (--db PATH | --jdbc URL) --workstation-key FILE [--name NAME]}: allows a
 * workstation key to send. Idempotent: the same key again changes nothing (or only its name).
 */
@Command(name = "enroll", description = "Allow a workstation key (workstation.pub) to sync.")
final class CentralEnrollCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  CentralDatabaseOption database;

  @Option(
      names = "--workstation-key",
      required = true,
      paramLabel = "FILE",
      description = "The workstation's public key (DIR/workstation.pub).")
  Path workstationKey;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "A name for the workstation (shown by stats until it sends a journal).")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (name != null && !name.matches("[A-Za-z0-9._-]{1,64}")) {
      err.println("central enroll: --name must be 1..64 of A-Z a-z 0-9 . _ -");
      return 2;
    }
    ECPublicKeyParameters key;
    try {
      key = KeyFiles.publicKey(workstationKey);
    } catch (java.nio.file.NoSuchFileException e) {
      err.println(
          "central enroll: no such file "
              + workstationKey
              + " (the workstation's workstation.pub, created by `keys init` or the first start)");
      return 1;
    } catch (IOException e) {
      err.println("central enroll: " + e.getMessage());
      return 1;
    }
    try (CentralDatabase db = database.open(false)) {
      CentralStore.Enrolment e =
          new CentralStore(db).enroll(key, Optional.ofNullable(name), System.currentTimeMillis());
      CentralStore.Workstation w = e.workstation();
      String label = w.name().map(n -> " as " + n).orElse("");
      out.println(
          (e.created() ? "Enrolled workstation key " : "Already enrolled: workstation key ")
              + w.keyId()
              + label);
      return 0;
    } catch (SQLException e) {
      err.println("central enroll: " + e.getMessage());
      return 1;
    }
  }
}
