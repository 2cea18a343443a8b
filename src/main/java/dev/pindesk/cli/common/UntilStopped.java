package dev.pindesk.cli.common;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a serving command ({@code central serve}, {@code card-service serve}) waits: until SIGTERM or
 * SIGINT (a shutdown hook) or an interrupt, then stops what it serves exactly once, either way.
 */
public final class UntilStopped {
  private UntilStopped() {}

  /**
   * Blocks until the JVM is asked to stop or this thread is interrupted; runs {@code stop} once.
   *
   * @param thread the shutdown hook's thread name
   * @return 0, the command's exit code
   */
  public static int await(String thread, Runnable stop) {
    AtomicBoolean stopped = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Runnable once =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            stop.run();
          }
          done.countDown();
        };
    Thread hook = new Thread(once, thread);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    once.run();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook has run (or is running) already.
    }
    return 0;
  }
}
