package dev.pindesk.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} into SLF4J/Logback, so what the JDK and JavaFX log (JavaFX's
 * start-up warnings among it) lands in PinDesk's log file instead of the terminal. Installed first
 * thing in {@link Launcher}, before JavaFX starts.
 *
 * <p>JavaFX logs its first warning while its toolkit starts, before the first frame; handing that
 * record to SLF4J there would configure Logback on the toolkit's start-up path, which start-up
 * keeps behind the first frame (docs/benchmarks.md). So records go to SLF4J on a daemon thread of
 * their own ({@code pindesk-jul}): Logback is configured when the first one arrives, off the
 * toolkit's thread. JUL's own level (INFO unless configured) still filters first. A record logged
 * in the last moments before the JVM exits may be lost; the JDK and JavaFX log nothing that matters
 * then.
 */
final class JulBridge {
  private static Handler installed;

  private JulBridge() {}

  /** Replaces JUL's console handler with the bridge; calling it again changes nothing. */
  static synchronized void install() {
    if (installed != null) {
      return;
    }
    java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    installed = new Async(new SLF4JBridgeHandler());
    root.addHandler(installed);
  }

  /** Removes the bridge (tests). */
  static synchronized void uninstall() {
    if (installed != null) {
      LogManager.getLogManager().getLogger("").removeHandler(installed);
      installed = null;
    }
  }

  /** Publishes on one daemon thread, in order. */
  private static final class Async extends Handler {
    private final Handler target;
    private final ExecutorService thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "pindesk-jul");
              t.setDaemon(true);
              return t;
            });

    Async(Handler target) {
      this.target = target;
    }

    @Override
    public void publish(LogRecord record) {
      thread.execute(() -> target.publish(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      thread.shutdown();
    }
  }
}
