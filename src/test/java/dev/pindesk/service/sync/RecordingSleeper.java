package dev.pindesk.service.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records backoff waits without waiting; an idle wait blocks until woken or interrupted. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> backoffs = new ArrayList<>();
  private int idles;
  private boolean woken;

  @Override
  public synchronized void backoff(Duration d, Runnable refresh) {
    backoffs.add(d);
    notifyAll();
  }

  @Override
  public synchronized void idle(Duration d) throws InterruptedException {
    idles++;
    notifyAll();
    while (!woken) {
      wait();
    }
    woken = false;
  }

  @Override
  public synchronized void wake() {
    woken = true;
    notifyAll();
  }

  synchronized List<Duration> backoffs() {
    return List.copyOf(backoffs);
  }

  /** Waits until the service has gone idle {@code n} times. */
  synchronized void awaitIdle(int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (idles < n && System.currentTimeMillis() < deadline) {
      wait(100);
    }
    if (idles < n) {
      throw new AssertionError("the service did not go idle " + n + " times");
    }
  }
}
