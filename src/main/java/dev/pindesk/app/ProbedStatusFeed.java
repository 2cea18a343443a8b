package dev.pindesk.app;

import dev.pindesk.service.SecurityModuleFeed;
import dev.pindesk.service.SecurityModuleStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A security module's status for the status bar, probed on a daemon thread of its own at a fixed
 * period and published when it changed, so the clerk sees a problem before a PIN write runs into
 * it. Started by the first subscriber, stopped by the counter's runtime ({@link #close}). What a
 * probe does is the module's: {@link PsamStatusMonitor} (the PSAM answers), {@link
 * CardServiceStatusMonitor} (the card-management service shows its pinned key).
 */
final class ProbedStatusFeed implements SecurityModuleFeed, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProbedStatusFeed.class);

  private final String thread;
  private final Duration period;
  private final Supplier<SecurityModuleStatus> probe;
  private final List<Consumer<SecurityModuleStatus>> listeners = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService timer; // guarded by this
  private boolean closed; // guarded by this
  private volatile SecurityModuleStatus last;

  /**
   * @param thread the probe thread's name
   * @param probe one probe: never throws, answers a status for every outcome
   */
  ProbedStatusFeed(String thread, Duration period, Supplier<SecurityModuleStatus> probe) {
    this.thread = Objects.requireNonNull(thread);
    this.period = Objects.requireNonNull(period);
    this.probe = Objects.requireNonNull(probe);
  }

  @Override
  public void subscribe(Consumer<SecurityModuleStatus> listener) {
    listeners.add(listener);
    SecurityModuleStatus now = last;
    if (now != null) {
      listener.accept(now);
    }
    synchronized (this) {
      if (timer == null && !closed) {
        timer =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, thread);
                  t.setDaemon(true);
                  return t;
                });
        timer.scheduleWithFixedDelay(this::probeOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** One probe; publishes when the status changed. */
  void probeOnce() {
    SecurityModuleStatus status = probe.get();
    if (!status.equals(last)) {
      last = status;
      LOG.info("security module: {} ({})", status.messageKey(), status.detail());
      listeners.forEach(l -> l.accept(status));
    }
  }

  /** Stops probing (the counter is closing). */
  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
