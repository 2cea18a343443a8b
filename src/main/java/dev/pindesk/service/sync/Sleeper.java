package dev.pindesk.service.sync;

import java.time.Duration;

/**
 * How the sync thread waits: a backoff after a failure (appends do not cut it short, or every
 * append would hammer an unreachable central) and an idle wait that a journal append ends early.
 * Injected so tests run without waiting.
 */
public interface Sleeper {
  /**
   * Waits {@code d} after a failure; only an interrupt ends it early. Meanwhile {@code refresh}
   * runs (on the waiting thread) after each {@link #wake()} and every few seconds, so the status
   * keeps counting new entries and their age while the central is unreachable.
   */
  void backoff(Duration d, Runnable refresh) throws InterruptedException;

  /** Waits up to {@code d}, or until {@link #wake()}. */
  void idle(Duration d) throws InterruptedException;

  /** Ends the current (or next) idle wait. */
  void wake();

  /** Real waiting on a monitor. */
  static Sleeper system() {
    return new MonitorSleeper();
  }
}
