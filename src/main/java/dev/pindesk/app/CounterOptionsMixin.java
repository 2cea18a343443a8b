package dev.pindesk.app;

import picocli.CommandLine.Option;

/**
 * The counter's options, declared once for {@code gui} and {@code config show} (which shows what
 * {@code gui} with the same options would use). Each command keeps its own translated descriptions
 * in {@code cli.properties}, keyed by its name. The mode group ({@link Mode}) is declared in each
 * command: picocli lists an argument group that sits in a mixin twice.
 */
final class CounterOptionsMixin {
  /** Which counter; neither: {@code pindesk.mode} / {@code PINDESK_MODE}, else training. */
  static final class Mode {
    @Option(
        names = "--training",
        description = "The training counter (the default): virtual card, training keys.")
    boolean training;

    @Option(
        names = "--production",
        description =
            "The production counter: PC/SC readers, the PSAM, production keys and operators.")
    boolean production;
  }

  @Option(
      names = "--pcsc",
      description = "Training on the real PC/SC readers instead of the in-process training reader.")
  boolean pcsc;

  @Option(
      names = "--sam-reader",
      paramLabel = "NAME",
      description = "The PSAM's reader, exact or a unique part (default: pindesk.sam.reader).")
  String samReader;

  @Option(
      names = "--font-scale",
      paramLabel = "FACTOR",
      description = "Text size, e.g. 1.25 (default: pindesk.font.scale, else 1).")
  Double fontScale;

  /** The options as parsed, with the command's {@code mode} group, for {@link CounterConfig}. */
  CounterOptions counterOptions(Mode mode, boolean diagnostics) {
    return CounterOptions.parsed(
        mode == null ? null : mode.production, pcsc, diagnostics, samReader, fontScale);
  }
}
