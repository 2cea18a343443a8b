package dev.pindesk.service.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the {@code n}-th consecutive failure (0-based) wait a
 * uniformly random time in {@code [0, min(max, base·2^n)]}. Full jitter spreads a whole service
 * center's workstations over the window when the central comes back, instead of all of them
 * retrying in lockstep.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The upper bound of the wait after failure {@code attempt} (0-based). */
  public Duration ceiling(int attempt) {
    long baseMillis = base.toMillis();
    long cap = max.toMillis();
    if (attempt >= 62 || baseMillis > (cap >> Math.min(attempt, 62))) {
      return max;
    }
    return Duration.ofMillis(Math.min(cap, baseMillis << attempt));
  }

  /** The wait after failure {@code attempt}: random in {@code [0, ceiling(attempt)]}. */
  public Duration delay(int attempt) {
    return Duration.ofMillis(random.nextLong(ceiling(attempt).toMillis() + 1));
  }
}
