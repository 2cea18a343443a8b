package dev.pindesk.service.sync;

import java.time.Duration;

/** {@link Sleeper} on an object monitor; a wake-up before the idle wait is not lost. */
final class MonitorSleeper implements Sleeper {
  /** How often a long backoff refreshes the status without being woken. */
  static final long REFRESH_MILLIS = 5000;

  private boolean woken;

  @Override
  public void backoff(Duration d, Runnable refresh) throws InterruptedException {
    long deadline = System.nanoTime() + d.toNanos();
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      synchronized (this) {
        if (!woken) {
          wait(Math.max(1, Math.min(left, REFRESH_MILLIS)));
        }
        woken = false;
      }
      refresh.run();
    }
  }

  @Override
  public synchronized void idle(Duration d) throws InterruptedException {
    long deadline = System.nanoTime() + d.toNanos();
    while (!woken) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    woken = false;
  }

  @Override
  public synchronized void wake() {
    woken = true;
    notifyAll();
  }
}
