package dev.pindesk.service;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches readers and card presence on a daemon thread and reports every change, including the
 * PC/SC service going away and coming back. It never gives up: the terminals recover by themselves,
 * the watcher keeps asking.
 */
public final class ReaderWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReaderWatcher.class);
  private static final Duration WAIT = Duration.ofMillis(500);
  private static final long RETRY_MILLIS = 1000;

  /** What the watcher last saw: readers, or the failure that hides them. */
  public record Snapshot(List<ReaderState> readers, Optional<CardErrorCode> failure) {}

  private final CardTerminals terminals;
  private final Consumer<Snapshot> listener;
  private final Thread thread;
  private volatile boolean running = true;

  public ReaderWatcher(CardTerminals terminals, Consumer<Snapshot> listener) {
    this.terminals = terminals;
    this.listener = listener;
    this.thread = new Thread(this::loop, "pindesk-reader-watcher");
    this.thread.setDaemon(true);
  }

  public ReaderWatcher start() {
    thread.start();
    return this;
  }

  private void loop() {
    Snapshot last = null;
    while (running) {
      Snapshot now;
      try {
        List<ReaderState> readers =
            last == null || last.failure().isPresent()
                ? terminals.readers()
                : terminals.awaitChange(WAIT);
        now = new Snapshot(readers, Optional.empty());
      } catch (CardException e) {
        now = new Snapshot(List.of(), Optional.of(e.code()));
      } catch (RuntimeException e) {
        LOG.warn("reader watcher: unexpected failure", e);
        now = new Snapshot(List.of(), Optional.of(CardErrorCode.PCSC_UNAVAILABLE));
      }
      if (!now.equals(last)) {
        last = now;
        listener.accept(now);
      }
      if (now.failure().isPresent()) {
        sleep();
      }
    }
  }

  private void sleep() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      running = false;
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
