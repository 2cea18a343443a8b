package dev.pindesk.cli;

import picocli.CommandLine.Command;

/** {@code card profile ...}: the card profiles PinDesk knows. */
@Command(name = "profile", description = "Card profiles: how PinDesk talks to each card family.")
final class CardProfileCommand {}
