package dev.pindesk.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;

/**
 * For the start-up benchmark only ({@code -Dpindesk.bench.startup=true}, read by the composition
 * root into {@link UiContext#startupProbe()}): after the first frame of the first screen has been
 * rendered, prints the time since the JVM started and the resident memory ({@code STARTUP_MS=…
 * RSS_KB=…}); once the services behind the screen are ready too, prints {@code READY_MS=…} and
 * exits.
 */
public final class StartupProbe {
  private StartupProbe() {}

  /** For a window whose services ({@code ready}) are still being opened when it is painted. */
  public static void afterFirstFrame(CompletionStage<?> ready) {
    FirstFrame.then(
        () -> {
          System.out.println("STARTUP_MS=" + sinceJvmStart() + " RSS_KB=" + rssKb());
          ready.whenComplete(
              (x, e) ->
                  Platform.runLater(
                      () -> {
                        System.out.println("READY_MS=" + sinceJvmStart());
                        System.out.flush();
                        Platform.exit();
                      }));
        });
  }

  private static long sinceJvmStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  private static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }
}
