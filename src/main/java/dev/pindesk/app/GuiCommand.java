package dev.pindesk.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  @ArgGroup(exclusive = true)
  CounterOptionsMixin.Mode mode;

  @Mixin CounterOptionsMixin counter;

  @Option(
      names = "--diagnostics",
      description = "Only the reader and card window, without the counter (training).")
  boolean diagnostics;

  /** The options as parsed, for {@link CounterConfig}. */
  CounterOptions counterOptions() {
    return counter.counterOptions(mode, diagnostics);
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
