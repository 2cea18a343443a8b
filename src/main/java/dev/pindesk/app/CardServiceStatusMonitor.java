package dev.pindesk.app;

import dev.pindesk.adapters.cardservice.CardServiceClient;
import dev.pindesk.service.SecurityModuleFeed;
import dev.pindesk.service.SecurityModuleStatus;
import dev.pindesk.service.SecurityModuleStatus.Health;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the card-management service (a TLS handshake with its pinned key, no request) on a daemon
 * thread every {@value #PERIOD_SECONDS} seconds and publishes reachable / unreachable / not the
 * pinned key, so the clerk sees a network or configuration problem before a PIN write runs into it.
 * Started by the first subscriber.
 */
final class CardServiceStatusMonitor implements SecurityModuleFeed {
  static final long PERIOD_SECONDS = 30;
  private static final Logger LOG = LoggerFactory.getLogger(CardServiceStatusMonitor.class);

  private final CardServiceClient service;
  private final List<Consumer<SecurityModuleStatus>> listeners = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService timer; // guarded by this
  private volatile SecurityModuleStatus last;

  CardServiceStatusMonitor(CardServiceClient service) {
    this.service = Objects.requireNonNull(service);
  }

  @Override
  public void subscribe(Consumer<SecurityModuleStatus> listener) {
    listeners.add(listener);
    SecurityModuleStatus now = last;
    if (now != null) {
      listener.accept(now);
    }
    synchronized (this) {
      if (timer == null) {
        timer =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "card-service-probe");
                  t.setDaemon(true);
                  return t;
                });
        timer.scheduleWithFixedDelay(this::probeOnce, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
      }
    }
  }

  /** One probe; publishes when the status changed. */
  void probeOnce() {
    SecurityModuleStatus status = status(service);
    if (!status.equals(last)) {
      last = status;
      LOG.info("security module: {} ({})", status.messageKey(), status.detail());
      listeners.forEach(l -> l.accept(status));
    }
  }

  /** What a probe of {@code service} says, as a status bar text key. */
  static SecurityModuleStatus status(CardServiceClient service) {
    String detail = service.description();
    try {
      return switch (service.probe()) {
        case REACHABLE ->
            SecurityModuleStatus.ok(
                service.isTraining() ? "status.sm.training" : "status.sm.cardservice.ready",
                detail);
        case UNREACHABLE ->
            new SecurityModuleStatus("status.sm.cardservice.unreachable", Health.ERROR, detail);
        case NOT_PINNED_KEY ->
            new SecurityModuleStatus("status.sm.cardservice.untrusted", Health.ERROR, detail);
      };
    } catch (RuntimeException e) {
      LOG.warn("card-management service probe failed", e);
      return new SecurityModuleStatus("status.sm.cardservice.unreachable", Health.ERROR, detail);
    }
  }
}
