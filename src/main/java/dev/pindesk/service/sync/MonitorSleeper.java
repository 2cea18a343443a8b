package dev.pindesk.service.sync;

import java.time.Duration;

/** {@link Sleeper} on an object monitor; a wake-up before the idle wait is not lost. */
final class MonitorSleeper implements Sleeper {
  private boolean woken;

  @Override
  public void backoff(Duration d) throws InterruptedException {
    Thread.sleep(Math.max(0, d.toMillis()));
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
