package dev.pindesk.cli.central;

import dev.pindesk.cli.common.CentralServices;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code central revoke (--db PATH | --jdbc URL) (--workstation-key FILE | --key-id HEX)}: a stolen
 * or retired workstation's key may send no more. What it sent stays, and the key cannot be enrolled
 * again (the workstation makes new keys).
 */
@Command(
    name = "revoke",
    description = "Stop a workstation key from syncing (stolen or retired workstation).")
public final class CentralRevokeCommand extends CentralSubcommand {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(
        names = "--workstation-key",
        required = true,
        paramLabel = "FILE",
        description = "The workstation's public key (workstation.pub).")
    Path workstationKey;

    @Option(
        names = "--key-id",
        required = true,
        paramLabel = "HEX",
        description = "The key id, as central stats shows it.")
    String keyId;
  }

  public CentralRevokeCommand(Messages messages, CliServices services) {
    super(messages, services);
  }

  @Override
  int run(PrintWriter out) throws CentralCli.Unusable, CentralServices.DatabaseFailure {
    String keyId;
    if (which.keyId != null) {
      if (!which.keyId.matches("[0-9A-Fa-f]{64}")) {
        throw CentralCli.Unusable.usage(messages.get("cli.central.badKeyId", which.keyId));
      }
      keyId = which.keyId.toUpperCase(Locale.ROOT);
    } else {
      keyId =
          central()
              .keyId(CentralCli.workstationKey(which.workstationKey, messages, services.keys()));
    }
    try (CentralServices.Database db = openDatabase(true)) {
      CentralServices.Revocation r = db.revoke(keyId, System.currentTimeMillis());
      switch (r) {
        case REVOKED -> out.println(messages.get("cli.central.revoked", keyId));
        case ALREADY_REVOKED -> out.println(messages.get("cli.central.alreadyRevoked", keyId));
        case NOT_ENROLLED ->
            throw new CentralCli.Unusable(messages.get("cli.central.notEnrolled", keyId));
      }
      return 0;
    }
  }
}
