package dev.pindesk.app;

import java.util.function.Function;

/**
 * Whether a window can open at all. On Linux (and other X11/Wayland systems) JavaFX needs {@code
 * DISPLAY} or {@code WAYLAND_DISPLAY}; without either it dies with a stack trace that tells a clerk
 * or an administrator over SSH nothing. Windows and macOS always have a display; a headless JavaFX
 * platform ({@code glass.platform=Monocle}, the tests) needs none.
 */
final class Display {
  private Display() {}

  /** True when no window can open here, so the GUI should say so instead of starting. */
  static boolean missing(
      String osName, Function<String, String> environment, Function<String, String> properties) {
    if (osName.startsWith("Windows") || osName.startsWith("Mac")) {
      return false;
    }
    if ("Monocle".equalsIgnoreCase(properties.apply("glass.platform"))) {
      return false;
    }
    return blank(environment.apply("DISPLAY")) && blank(environment.apply("WAYLAND_DISPLAY"));
  }

  static boolean missing() {
    return missing(System.getProperty("os.name", ""), System::getenv, System::getProperty);
  }

  /**
   * Says in one translated line (the terminal's language, as the CLI) what to do when no window can
   * open, and returns the exit status 2; returns 0 when a window can open.
   */
  static int explainIfMissing() {
    if (!missing()) {
      return 0;
    }
    new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8)
        .println(Settings.cliMessages().get("gui.noDisplay"));
    return 2;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
