package dev.pindesk.cli.central;

import dev.pindesk.cli.common.CentralServices;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code central enroll (--db PATH | --jdbc URL) --workstation-key FILE [--name NAME]}: allows a
 * workstation key to send. Idempotent: the same key again changes nothing (or only its name).
 */
@Command(name = "enroll", description = "Allow a workstation key (workstation.pub) to sync.")
public final class CentralEnrollCommand extends CentralSubcommand {
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

  public CentralEnrollCommand(Messages messages, CliServices services) {
    super(messages, services);
  }

  @Override
  int run(PrintWriter out) throws CentralCli.Unusable, CentralServices.DatabaseFailure {
    if (name != null && !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw CentralCli.Unusable.usage(messages.get("cli.central.badName"));
    }
    ECPublicKeyParameters key =
        CentralCli.workstationKey(workstationKey, messages, services.keys());
    try (CentralServices.Database db = openDatabase(false)) {
      CentralServices.Enrolment w =
          db.enroll(key, Optional.ofNullable(name), System.currentTimeMillis());
      if (w.revokedAt().isPresent()) {
        throw new CentralCli.Unusable(
            messages.get("cli.central.enrollRevoked", w.keyId(), w.revokedAt().get().toString()));
      }
      String what = w.created() ? "cli.central.enrolled" : "cli.central.alreadyEnrolled";
      out.println(
          w.name().isPresent()
              ? messages.get(what + "As", w.keyId(), w.name().get())
              : messages.get(what, w.keyId()));
      return 0;
    }
  }
}
