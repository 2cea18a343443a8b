package dev.pindesk.app;

import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.sync.HttpCentralLink;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.service.sync.SyncConfig;
import dev.pindesk.service.sync.SyncService;
import dev.pindesk.service.sync.SyncStatusFeed;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the journal's background sync when a central is configured: {@code pindesk.central.url}
 * ({@code PINDESK_CENTRAL_URL}), {@code pindesk.central.cert} (the pinned {@code central.crt}) and
 * optionally {@code pindesk.central.backlog.hours} (alert limit, default 24; a value that is not a
 * number of hours is refused with the other settings). A configuration that cannot be used
 * otherwise never stops the counter (it works offline anyway): the status bar says so.
 */
final class SyncWiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncWiring.class);

  private final SyncStatusFeed feed;
  private final Optional<SyncService> service;

  private SyncWiring(SyncStatusFeed feed, Optional<SyncService> service) {
    this.feed = feed;
    this.service = service;
  }

  /** A setting that stops sync from starting; {@link #code} names it in the status bar. */
  private static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    Unusable(String code, String detail, Throwable cause) {
      super(detail, cause);
      this.code = code;
    }
  }

  /**
   * Starts syncing {@code journal}, signed with the workstation key in {@code keys}, to the
   * counter's {@code central} (its settings validated by {@link CounterConfig}). What is wrong with
   * an unusable configuration is in the status bar, one problem code each: the URL, the certificate
   * setting, the certificate file, the workstation key, the journal.
   */
  static SyncWiring start(Path journal, Path keys, CounterConfig.Central central) {
    Optional<String> url = central.url();
    if (url.isEmpty()) {
      return new SyncWiring(SyncStatusFeed.NOT_CONFIGURED, Optional.empty());
    }
    SyncConfig config = SyncConfig.defaults().withBacklogLimit(central.backlogLimit());
    JournalOutbox outbox = null;
    try {
      HttpCentralLink link = link(url.get(), certificate(central), workstationKey(keys));
      outbox = JournalOutbox.open(journal);
      SyncService sync = new SyncService(outbox, link, config).start();
      LOG.info("journal sync to {} started", url.get());
      return new SyncWiring(sync, Optional.of(sync));
    } catch (Unusable | JournalException e) {
      if (outbox != null) {
        outbox.close();
      }
      String code = e instanceof Unusable u ? u.code : "config_journal";
      LOG.error("journal sync not started ({}): {}", code, e.getMessage());
      SyncStatus broken =
          SyncStatus.starting(config.backlogLimit(), Instant.now())
              .withLink(SyncStatus.Link.STOPPED, Optional.of(code));
      return new SyncWiring(listener -> listener.accept(broken), Optional.empty());
    }
  }

  private static HttpCentralLink link(String url, X509Certificate cert, Sm2KeyPair key)
      throws Unusable {
    try {
      return new HttpCentralLink(new URI(url), cert, key);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new Unusable("config_url", "pindesk.central.url " + url + ": " + e.getMessage(), e);
    }
  }

  private static X509Certificate certificate(CounterConfig.Central central) throws Unusable {
    Path cert =
        central
            .certificate()
            .orElseThrow(
                () -> new Unusable("config_no_cert", "pindesk.central.cert is not set", null));
    try {
      return HttpCentralLink.readCertificate(cert);
    } catch (IOException e) {
      throw new Unusable("config_cert", "pindesk.central.cert " + cert + ": " + e, e);
    }
  }

  private static Sm2KeyPair workstationKey(Path keys) throws Unusable {
    try {
      return KeyFiles.workstation(keys);
    } catch (IOException | RuntimeException e) {
      throw new Unusable("config_key", "workstation key in " + keys + ": " + e, e);
    }
  }

  SyncStatusFeed feed() {
    return feed;
  }

  /** After a journal append: send it soon (never blocks). */
  void wake() {
    service.ifPresent(SyncService::wake);
  }

  @Override
  public void close() {
    service.ifPresent(SyncService::close);
  }
}
