package dev.pindesk.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} into SLF4J/Logback, so what the JDK and JavaFX log (JavaFX's
 * start-up warnings among it) lands in PinDesk's log file instead of the terminal. Installed first
 * thing in {@link Launcher}, before JavaFX starts.
 *
 * <p>Cheap before the first frame: installing only adds a handler to the JUL root logger; Logback
 * itself is configured when the first record arrives. JUL's own level (INFO unless configured)
 * still filters first, so fine-grained JDK logging costs nothing.
 */
final class JulBridge {
  private JulBridge() {}

  /** Replaces JUL's console handler with the bridge; calling it again changes nothing. */
  static synchronized void install() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
