package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UnprovenRefusalsTest {
  /** A clock the test moves. */
  private static final class Manual extends Clock {
    final AtomicLong millis = new AtomicLong(1_000_000);

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  @Test
  void countsEveryRefusalWhateverTheIntervalAndKeepsNoKeyId() {
    Manual clock = new Manual();
    CentralMetrics metrics = CentralMetrics.unscraped();
    UnprovenRefusals counted = new UnprovenRefusals(clock, metrics);
    for (int i = 0; i < 1000; i++) {
      counted.note(Refused.of(Refusal.UNAUTHENTICATED, "the request signature does not verify"));
      clock.millis.addAndGet(100); // 100 s in all: one log line at 60 s, the rest on flush
    }
    counted.note(Refused.tooLarge(16));
    counted.flush();
    assertThat(counted.total()).isEqualTo(1001);
    // The operator sees the attack in the metrics, by reason only.
    assertThat(metrics.scrape())
        .contains("reason=\"unauthenticated\"} 1000.0")
        .doesNotContain("keyId");
  }
}
