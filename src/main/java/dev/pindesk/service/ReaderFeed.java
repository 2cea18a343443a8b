package dev.pindesk.service;

import dev.pindesk.ports.CardTerminals;
import java.util.function.Consumer;

/**
 * The machine's readers as the windows follow them (the counter's status bar, the diagnostics
 * window): every change, on a thread of the feed's own, until the returned handle is closed. The
 * windows get a feed from the composition root and never the readers themselves.
 */
public interface ReaderFeed {

  /** Starts watching; {@code listener} hears every change (on the feed's thread). */
  AutoCloseable watch(Consumer<ReaderWatcher.Snapshot> listener);

  /** The readers of {@code terminals}, watched by a {@link ReaderWatcher}. */
  static ReaderFeed of(CardTerminals terminals) {
    return listener -> new ReaderWatcher(terminals, listener).start();
  }
}
