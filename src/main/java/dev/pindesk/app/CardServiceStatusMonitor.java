package dev.pindesk.app;

import dev.pindesk.adapters.cardservice.CardServiceClient;
import dev.pindesk.service.SecurityModuleStatus;
import dev.pindesk.service.SecurityModuleStatus.Health;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the card-management service (a TLS handshake with its pinned key, no request) on a daemon
 * thread every {@value #PERIOD_SECONDS} seconds and publishes reachable / unreachable / not the
 * pinned key, so the clerk sees a network or configuration problem before a PIN write runs into it.
 */
final class CardServiceStatusMonitor {
  static final long PERIOD_SECONDS = 30;
  private static final Logger LOG = LoggerFactory.getLogger(CardServiceStatusMonitor.class);

  private CardServiceStatusMonitor() {}

  /** The status bar's feed for {@code service}: probed every {@value #PERIOD_SECONDS} seconds. */
  static ProbedStatusFeed feed(CardServiceClient service) {
    return new ProbedStatusFeed(
        "card-service-probe", Duration.ofSeconds(PERIOD_SECONDS), () -> status(service));
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
