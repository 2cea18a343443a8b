package dev.pindesk.cli;

import dev.pindesk.card.CardProfiles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CardTerminals;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * What CLI commands need from the composition root. Terminals are created lazily: commands that do
 * not touch PC/SC never load it.
 */
public record CliContext(
    Supplier<CardTerminals> terminals,
    Supplier<CardProfiles> profiles,
    Messages messages,
    PrintWriter out,
    PrintWriter err) {}
