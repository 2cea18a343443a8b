package dev.pindesk.cli;

import picocli.CommandLine.Command;

/** {@code card ...}: operations on the social security card. */
@Command(name = "card", description = "Social security card operations.")
final class CardCommand {}
