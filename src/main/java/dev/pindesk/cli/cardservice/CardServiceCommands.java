package dev.pindesk.cli.cardservice;

import picocli.CommandLine.Command;

/**
 * The {@code card-service} command group: the reference card-management service (ADR 0029). Its
 * subcommands are added by {@link dev.pindesk.cli.CommandTree}.
 */
@Command(
    name = "card-service",
    description = "Reference card-management service (HSM path) for training and tests: serve.")
public final class CardServiceCommands {
  public CardServiceCommands() {}
}
