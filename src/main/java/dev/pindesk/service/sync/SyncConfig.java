package dev.pindesk.service.sync;

import java.time.Duration;

/**
 * How the sync service paces itself: batch limits (docs/sync-protocol.md: up to 10,000 entries / 4
 * MiB, a quarter of what the central accepts: few enough round trips and durable commits that a
 * drain costs about what its bytes do, small enough that a cut connection wastes a few seconds),
 * backoff from {@code baseDelay} doubling to {@code maxDelay}, a poll while idle in case a wake-up
 * was missed (another process appending, the clock moving the backlog past its limit), and the
 * backlog age that raises the alert. {@code inFlight} batches may be on the wire at once: with 2,
 * the next batch travels while the central checks and commits the previous one
 * (docs/sync-protocol.md "Pipelining").
 */
public record SyncConfig(
    int maxEntries,
    int maxBytes,
    Duration baseDelay,
    Duration maxDelay,
    Duration pollInterval,
    Duration backlogLimit,
    int inFlight) {
  public static final int MAX_ENTRIES = 10_000;
  public static final int MAX_BYTES = 4 << 20;
  public static final Duration DEFAULT_BACKLOG_LIMIT = Duration.ofHours(24);
  public static final int IN_FLIGHT = 2;

  public SyncConfig {
    if (maxEntries < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("batch limits must be positive");
    }
    if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("backoff: 0 < baseDelay <= maxDelay");
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || backlogLimit.isNegative()) {
      throw new IllegalArgumentException("pollInterval must be positive, backlogLimit >= 0");
    }
    if (inFlight < 1) {
      throw new IllegalArgumentException("at least one batch in flight");
    }
  }

  /**
   * 10,000 entries / 4 MiB per batch, two in flight, backoff 1 s → 5 min, poll every 5 s, alert
   * after 24 h.
   */
  public static SyncConfig defaults() {
    return new SyncConfig(
        MAX_ENTRIES,
        MAX_BYTES,
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        Duration.ofSeconds(5),
        DEFAULT_BACKLOG_LIMIT,
        IN_FLIGHT);
  }

  public SyncConfig withBacklogLimit(Duration limit) {
    return new SyncConfig(maxEntries, maxBytes, baseDelay, maxDelay, pollInterval, limit, inFlight);
  }

  public SyncConfig withPollInterval(Duration interval) {
    return new SyncConfig(
        maxEntries, maxBytes, baseDelay, maxDelay, interval, backlogLimit, inFlight);
  }

  public SyncConfig withBatchLimits(int entries, int bytes) {
    return new SyncConfig(
        entries, bytes, baseDelay, maxDelay, pollInterval, backlogLimit, inFlight);
  }

  /** With {@code batches} on the wire at most (1: each waits for the previous one's receipt). */
  public SyncConfig withInFlight(int batches) {
    return new SyncConfig(
        maxEntries, maxBytes, baseDelay, maxDelay, pollInterval, backlogLimit, batches);
  }
}
