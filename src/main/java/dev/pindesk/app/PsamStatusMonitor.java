package dev.pindesk.app;

import dev.pindesk.adapters.sam.PsamSecurityModule;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.service.SecurityModuleStatus;
import dev.pindesk.service.SecurityModuleStatus.Health;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a probe of the PSAM (SELECT of its application) says for the status bar: ready, missing,
 * locked or wrong; every {@value #PERIOD_SECONDS} seconds through a {@link ProbedStatusFeed}.
 */
final class PsamStatusMonitor {
  static final long PERIOD_SECONDS = 15;
  private static final Logger LOG = LoggerFactory.getLogger(PsamStatusMonitor.class);

  private PsamStatusMonitor() {}

  /** The status bar's feed for {@code psam}: probed every {@value #PERIOD_SECONDS} seconds. */
  static ProbedStatusFeed feed(PsamSecurityModule psam) {
    return new ProbedStatusFeed(
        "psam-probe", Duration.ofSeconds(PERIOD_SECONDS), () -> status(psam));
  }

  /** What a probe of {@code psam} says, as a status bar text key. */
  static SecurityModuleStatus status(PsamSecurityModule psam) {
    String detail = psam.description();
    try {
      psam.probe();
      return SecurityModuleStatus.ok("status.sm.psam.ready", detail);
    } catch (CardException e) {
      return switch (e.code()) {
        case SECURITY_MODULE_LOCKED ->
            new SecurityModuleStatus("status.sm.psam.locked", Health.ERROR, detail);
        case SECURITY_MODULE_WRONG ->
            new SecurityModuleStatus("status.sm.psam.wrong", Health.ERROR, detail);
        case SECURITY_MODULE_UNAVAILABLE ->
            new SecurityModuleStatus("status.sm.psam.missing", Health.ERROR, detail);
        default -> new SecurityModuleStatus("status.sm.psam.refused", Health.WARNING, detail);
      };
    } catch (RuntimeException e) {
      LOG.warn("PSAM probe failed", e);
      return new SecurityModuleStatus("status.sm.psam.missing", Health.ERROR, detail);
    }
  }
}
