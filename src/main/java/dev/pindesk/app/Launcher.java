package dev.pindesk.app;

/**
 * Entry point of {@code java -jar pindesk.jar}: no arguments open the GUI, anything else runs the
 * CLI ({@code gui [options]} among its commands, {@link GuiCommand}). Deliberately not a JavaFX
 * {@code Application}, so the jar runs from a plain classpath.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    LogSettings.apply(); // before the first logger: the settings file may name the log directory
    JulBridge.install(); // before JavaFX: its warnings go to the log file, not the terminal
    if (args.length == 0) {
      int noDisplay = Display.explainIfMissing();
      if (noDisplay != 0) {
        System.exit(noDisplay);
      }
      GuiMain.launch(CounterOptions.none());
      return;
    }
    System.exit(CliMain.run(args));
  }
}
