package dev.pindesk.cli.central;

import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.adapters.central.CentralStore;
import dev.pindesk.i18n.Messages;
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
public final class CentralEnrollCommand implements Callable<Integer> {
  private static final String COMMAND = "central enroll";
  private final Messages messages;

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

  public CentralEnrollCommand(Messages messages) {
    this.messages = messages;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (name != null && !name.matches("[A-Za-z0-9._-]{1,64}")) {
      err.println(failed(messages.get("cli.central.badName")));
      return 2;
    }
    ECPublicKeyParameters key;
    try {
      key = CentralCli.workstationKey(workstationKey, messages);
    } catch (CentralCli.Unusable e) {
      err.println(failed(e.getMessage()));
      return 1;
    }
    try (CentralDatabase db = database.open(false, messages)) {
      CentralStore.Enrolment e =
          new CentralStore(db).enroll(key, Optional.ofNullable(name), System.currentTimeMillis());
      CentralStore.Workstation w = e.workstation();
      if (w.revokedAt().isPresent()) {
        err.println(
            failed(
                messages.get(
                    "cli.central.enrollRevoked", w.keyId(), w.revokedAt().get().toString())));
        return 1;
      }
      String what = e.created() ? "cli.central.enrolled" : "cli.central.alreadyEnrolled";
      out.println(
          w.name().isPresent()
              ? messages.get(what + "As", w.keyId(), w.name().get())
              : messages.get(what, w.keyId()));
      return 0;
    } catch (CentralCli.Unusable e) {
      err.println(failed(e.getMessage()));
      return 1;
    } catch (SQLException e) {
      err.println(failed(database.failed(e, messages)));
      return 1;
    }
  }

  private String failed(String reason) {
    return messages.get("cli.central.failed", COMMAND, reason);
  }
}
