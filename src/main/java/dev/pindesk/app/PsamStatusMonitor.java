package dev.pindesk.app;

import dev.pindesk.adapters.sam.PsamSecurityModule;
import dev.pindesk.domain.error.CardException;
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
 * Probes the PSAM (SELECT of its application) on a daemon thread every {@value #PERIOD_SECONDS}
 * seconds and publishes ready / missing / locked / wrong, so the clerk sees a PSAM problem before a
 * PIN write runs into it. Started by the first subscriber.
 */
final class PsamStatusMonitor implements SecurityModuleFeed, AutoCloseable {
  static final long PERIOD_SECONDS = 15;
  private static final Logger LOG = LoggerFactory.getLogger(PsamStatusMonitor.class);

  private final PsamSecurityModule psam;
  private final List<Consumer<SecurityModuleStatus>> listeners = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService timer; // guarded by this
  private volatile SecurityModuleStatus last;

  PsamStatusMonitor(PsamSecurityModule psam) {
    this.psam = Objects.requireNonNull(psam);
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
                  Thread t = new Thread(r, "psam-probe");
                  t.setDaemon(true);
                  return t;
                });
        timer.scheduleWithFixedDelay(this::probeOnce, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
      }
    }
  }

  /** Stops probing (the counter is closing). */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** One probe; publishes when the status changed. */
  void probeOnce() {
    SecurityModuleStatus status = status(psam);
    if (!status.equals(last)) {
      last = status;
      LOG.info("security module: {} ({})", status.messageKey(), status.detail());
      listeners.forEach(l -> l.accept(status));
    }
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
