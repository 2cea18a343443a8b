package dev.pindesk.app;

/**
 * Entry point of {@code java -jar pindesk.jar}: no arguments open the GUI, anything else runs the
 * CLI. Deliberately not a JavaFX {@code Application}, so the jar runs from a plain classpath.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 0 || "gui".equals(args[0])) {
      GuiMain.launch(
          args.length == 0 ? new String[0] : java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    System.exit(CliMain.run(args));
  }
}
