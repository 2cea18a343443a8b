package dev.pindesk.adapters.central;

import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refusals of requests not proven to come from an enrolled workstation (ADR 0032): counted in
 * memory per code and logged as one WARN line per interval at most, never a row of {@code refusals}
 * and never under the key id the request claims. Anyone can send such requests at any rate; a row
 * and a log line each would let them fill the disk and blame a workstation of their choice.
 */
final class UnprovenRefusals {
  private static final Logger LOG = LoggerFactory.getLogger(UnprovenRefusals.class);
  static final long INTERVAL_MILLIS = 60_000;

  private final Clock clock;
  private final CentralMetrics metrics;
  private final Map<Refusal, AtomicLong> counts = new EnumMap<>(Refusal.class);
  private final AtomicLong total = new AtomicLong();
  private long windowStart;

  UnprovenRefusals(Clock clock, CentralMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
    for (Refusal r : Refusal.values()) {
      counts.put(r, new AtomicLong());
    }
    this.windowStart = clock.millis();
  }

  /**
   * Counts {@code r} (also in the metrics' refusals by reason, where an operator sees an attack as
   * it happens); logs the interval's counts when it is over.
   */
  void note(Refused r) {
    metrics.refused(r.code());
    counts.get(r.code()).incrementAndGet();
    total.incrementAndGet();
    long now = clock.millis();
    String line = null;
    synchronized (this) {
      if (now - windowStart >= INTERVAL_MILLIS) {
        line = drain(now);
      }
    }
    if (line != null) {
      LOG.warn(line);
    }
  }

  /** Refusals counted since the start. */
  long total() {
    return total.get();
  }

  /** Logs what the current interval counted, if anything (on stop). */
  synchronized void flush() {
    String line = drain(clock.millis());
    if (line != null) {
      LOG.warn(line);
    }
  }

  private String drain(long now) {
    StringBuilder b = new StringBuilder();
    long sum = 0;
    for (Map.Entry<Refusal, AtomicLong> e : counts.entrySet()) {
      long n = e.getValue().getAndSet(0);
      if (n > 0) {
        b.append(b.length() == 0 ? "" : ", ").append(e.getKey().wireName()).append('=').append(n);
        sum += n;
      }
    }
    long seconds = Math.max(1, (now - windowStart) / 1000);
    windowStart = now;
    if (sum == 0) {
      return null;
    }
    return "refused "
        + sum
        + " requests not proven to come from an enrolled workstation in the last "
        + seconds
        + " s ("
        + b
        + "); not recorded per request";
  }
}
