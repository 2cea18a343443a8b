package dev.pindesk.adapters.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power-cut behaviour: a child JVM appends in a loop and is killed with SIGKILL at random moments
 * (also while opening, checkpointing, changing segment). After every kill, each entry whose append
 * had returned is in the file, the whole journal verifies, and the next run appends on.
 */
class JournalCrashTest {
  private static final int KILLS = 50;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedEntrySurvivesKillDashNine() throws Exception {
    Path keys = dir.resolve("keys");
    KeyFiles.init(keys, "crash-test".toCharArray(), true);
    // two journals side by side, to use both cores: KILLS kills in all
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> killRepeatedly(dir.resolve("crash-a.db"), keys, KILLS / 2, 4242));
      var b =
          pool.submit(() -> killRepeatedly(dir.resolve("crash-b.db"), keys, KILLS - KILLS / 2, 77));
      long[] ra = a.get();
      long[] rb = b.get();
      assertThat(ra[1] + rb[1]).as("kills while appending").isGreaterThan(KILLS / 5);
      assertThat(Math.min(ra[0], rb[0])).isGreaterThan(20);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns {highest acknowledged seq, kills that happened while appending}. */
  private static long[] killRepeatedly(Path journal, Path keys, int kills, long seed)
      throws Exception {
    Random random = new Random(seed);
    long maxAcked = 0;
    int killedWhileAppending = 0;
    for (int round = 0; round < kills; round++) {
      Process child =
          new ProcessBuilder(
                  ChildJvm.onTestClasspath(
                      journal.getParent(),
                      "-XX:TieredStopAtLevel=1",
                      "-XX:+UseSerialGC",
                      "-Xshare:auto",
                      AppendLoopChild.class.getName(),
                      journal.toString(),
                      keys.toString()))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      AtomicLong acked = new AtomicLong();
      AtomicLong opened = new AtomicLong(-1);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                  for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("ack ")) {
                      acked.set(Long.parseLong(line.substring(4)));
                    } else if (line.startsWith("open ")) {
                      opened.set(Long.parseLong(line.substring(5)));
                    }
                  }
                } catch (Exception ignored) {
                  // the child was killed mid-line
                }
              });
      reader.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (opened.get() < 0 && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(random.nextInt(round % 10 == 0 ? 5 : 200));
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      reader.join();
      if (acked.get() > 0) {
        killedWhileAppending++;
        maxAcked = Math.max(maxAcked, acked.get());
      }
      VerifyReport report = JournalVerifier.verify(journal, Optional.empty());
      assertThat(report.firstBad()).as("after kill %d", round).isEmpty();
      assertThat(report.entries()).as("after kill %d", round).isGreaterThanOrEqualTo(maxAcked);
    }
    return new long[] {maxAcked, killedWhileAppending};
  }
}
