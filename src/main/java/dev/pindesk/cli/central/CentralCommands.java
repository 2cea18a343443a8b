package dev.pindesk.cli.central;

import dev.pindesk.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code central} command group: the reference receiver of journal sync (ADR 0007). */
@Command(
    name = "central",
    description = "Reference central receiver of journal sync: serve, enroll, stats, revoke.")
public final class CentralCommands {
  private CentralCommands() {}

  /**
   * The group with its subcommands, for {@code PinDeskCli.run(..., extra)}; where the central's
   * libraries are not installed (the counter's package), a {@code central} that says so.
   */
  public static CommandLine create(Messages messages) {
    if (!CentralNotInstalledCommand.centralInstalled(CentralCommands.class.getClassLoader())) {
      return new CommandLine(new CentralNotInstalledCommand(messages));
    }
    CommandLine central = new CommandLine(new CentralCommands());
    central.addSubcommand(new CentralServeCommand(messages));
    central.addSubcommand(new CentralEnrollCommand(messages));
    central.addSubcommand(new CentralStatsCommand(messages));
    central.addSubcommand(new CentralRevokeCommand(messages));
    return central;
  }
}
