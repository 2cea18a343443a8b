package dev.pindesk.service.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Locks the clerk's session after a period without input, so an unattended counter cannot be used
 * by someone else. The UI calls {@link #touch()} on every key press or click and polls (or
 * schedules at {@link #locksAt()}) {@link #isLocked()}. Once locked it stays locked — input does
 * not unlock it — until {@link #unlock()} after the operator signs in again.
 */
public final class IdleLock {
  /** Default idle time before the session locks. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Clock clock;
  private final Duration timeout;
  private Instant lastActivity;
  private boolean locked;

  /** An idle lock with {@link #DEFAULT_TIMEOUT}, counting from now. */
  public IdleLock(Clock clock) {
    this(clock, DEFAULT_TIMEOUT);
  }

  /** An idle lock with {@code timeout} (positive), counting from now. */
  public IdleLock(Clock clock, Duration timeout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    this.lastActivity = clock.instant();
  }

  public Duration timeout() {
    return timeout;
  }

  /** Records operator activity; ignored once locked. */
  public synchronized void touch() {
    if (!isLocked()) {
      lastActivity = clock.instant();
    }
  }

  /** Whether the session must be (or stay) locked. */
  public synchronized boolean isLocked() {
    if (!locked && !clock.instant().isBefore(locksAt())) {
      locked = true;
    }
    return locked;
  }

  /** When the session locks if there is no more activity. */
  public synchronized Instant locksAt() {
    return lastActivity.plus(timeout);
  }

  /** Unlocks after the operator signed in again; the idle time counts from now. */
  public synchronized void unlock() {
    locked = false;
    lastActivity = clock.instant();
  }
}
