package dev.pindesk.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The real waiting: wake-ups end idle waits (even early ones) but never shorten a backoff. */
class MonitorSleeperTest {
  private final MonitorSleeper sleeper = new MonitorSleeper();

  @Test
  void aWakeUpBeforeTheIdleWaitIsNotLost() throws Exception {
    sleeper.wake();
    long start = System.nanoTime();
    sleeper.idle(Duration.ofSeconds(30));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anIdleWaitEndsAfterItsTimeWithoutAWakeUp() throws Exception {
    long start = System.nanoTime();
    sleeper.idle(Duration.ofMillis(100));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void aBackoffRefreshesOnAWakeUpButWaitsItsFullTime() throws Exception {
    AtomicInteger refreshes = new AtomicInteger();
    long start = System.nanoTime();
    CompletableFuture<Void> waiting =
        CompletableFuture.runAsync(
            () -> {
              try {
                sleeper.backoff(Duration.ofMillis(600), refreshes::incrementAndGet);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(150);
    sleeper.wake();
    waiting.get(10, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(refreshes.get()).isGreaterThanOrEqualTo(1);
  }
}
