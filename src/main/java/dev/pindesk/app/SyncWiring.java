package dev.pindesk.app;

import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.sync.HttpCentralLink;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.service.sync.SyncConfig;
import dev.pindesk.service.sync.SyncService;
import dev.pindesk.service.sync.SyncStatusFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the journal's background sync when a central is configured: {@code pindesk.central.url}
 * ({@code PINDESK_CENTRAL_URL}), {@code pindesk.central.cert} (the pinned {@code central.crt}) and
 * optionally {@code pindesk.central.backlog.hours} (alert limit, default 24). A configuration that
 * cannot be used never stops the counter (it works offline anyway): the status bar says so.
 */
final class SyncWiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncWiring.class);

  private final SyncStatusFeed feed;
  private final Optional<SyncService> service;

  private SyncWiring(SyncStatusFeed feed, Optional<SyncService> service) {
    this.feed = feed;
    this.service = service;
  }

  /** Starts syncing {@code journal}, signed with the workstation key in {@code keys}. */
  static SyncWiring start(Path journal, Path keys) {
    Optional<String> url = Settings.get("central.url");
    if (url.isEmpty()) {
      return new SyncWiring(SyncStatusFeed.NOT_CONFIGURED, Optional.empty());
    }
    SyncConfig config = SyncConfig.defaults().withBacklogLimit(backlogLimit());
    JournalOutbox outbox = null;
    try {
      Path cert =
          Settings.get("central.cert")
              .map(Path::of)
              .orElseThrow(() -> new IOException("pindesk.central.cert is not set"));
      HttpCentralLink link =
          new HttpCentralLink(
              URI.create(url.get()),
              HttpCentralLink.readCertificate(cert),
              KeyFiles.workstation(keys));
      outbox = JournalOutbox.open(journal);
      SyncService sync = new SyncService(outbox, link, config).start();
      LOG.info("journal sync to {} started", url.get());
      return new SyncWiring(sync, Optional.of(sync));
    } catch (IOException | JournalException | IllegalArgumentException e) {
      if (outbox != null) {
        outbox.close();
      }
      LOG.error("journal sync not started: {}", e.getMessage());
      SyncStatus broken =
          SyncStatus.starting(config.backlogLimit(), Instant.now())
              .withLink(SyncStatus.Link.STOPPED, Optional.of("config_error"));
      return new SyncWiring(listener -> listener.accept(broken), Optional.empty());
    }
  }

  private static Duration backlogLimit() {
    try {
      return Settings.get("central.backlog.hours")
          .map(h -> Duration.ofMinutes(Math.round(Double.parseDouble(h) * 60)))
          .orElse(SyncConfig.DEFAULT_BACKLOG_LIMIT);
    } catch (NumberFormatException e) {
      LOG.warn("pindesk.central.backlog.hours is not a number; using 24");
      return SyncConfig.DEFAULT_BACKLOG_LIMIT;
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
