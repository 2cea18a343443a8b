package dev.pindesk.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gui [--training | --production] [--pcsc] [--diagnostics] [--sam-reader NAME] [--font-scale
 * F]}: opens the counter (what {@code java -jar pindesk.jar} without arguments does). Parsed like
 * every command, so a mistyped option (say {@code --prodution}) is refused with a "did you mean"
 * instead of silently opening a training counter, and {@code --help} prints the options instead of
 * opening the window.
 */
@Command(name = "gui", description = "Open the counter (also what no command at all does).")
final class GuiCommand implements Callable<Integer> {
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

  @ArgGroup(exclusive = true)
  Mode mode;

  @Option(
      names = "--diagnostics",
      description = "Only the reader and card window, without the counter (training).")
  boolean diagnostics;

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

  /** The options as parsed, for {@link CounterConfig}. */
  CounterOptions counterOptions() {
    return CounterOptions.parsed(
        mode == null ? null : mode.production, pcsc, diagnostics, samReader, fontScale);
  }

  /** Opens the counter; returns when its window is closed. */
  @Override
  public Integer call() {
    int noDisplay = Display.explainIfMissing();
    if (noDisplay != 0) {
      return noDisplay;
    }
    GuiMain.launch(counterOptions());
    return 0;
  }
}
