package dev.pindesk.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * For the start-up benchmark only ({@code -Dpindesk.bench.startup=true}): after the first frame of
 * the first screen has been rendered, prints the time since the JVM started and the resident
 * memory, then exits. Does nothing otherwise.
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void afterFirstFrame() {
    if (!Boolean.getBoolean("pindesk.bench.startup")) {
      return;
    }
    new AnimationTimer() {
      private int frames;

      @Override
      public void handle(long now) {
        if (++frames < 2) {
          return; // the first pulse lays out; the second has painted
        }
        stop();
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("STARTUP_MS=" + ms + " RSS_KB=" + rssKb());
        System.out.flush();
        Platform.exit();
      }
    }.start();
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
