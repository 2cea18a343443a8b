package dev.pindesk.cli.central;

import picocli.CommandLine.Command;

/**
 * The {@code central} command group: the reference receiver of journal sync (ADR 0007). Its
 * subcommands are added by {@link dev.pindesk.cli.CommandTree}.
 */
@Command(
    name = "central",
    description = "Reference central receiver of journal sync: serve, enroll, stats, revoke.")
public final class CentralCommands {
  public CentralCommands() {}
}
