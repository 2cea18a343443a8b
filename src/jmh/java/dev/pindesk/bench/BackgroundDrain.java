package dev.pindesk.bench;

import dev.pindesk.adapters.central.CentralIdentity;
import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backlog drained over and over in the background of another bench ({@link WizardTransitions}
 * with {@code -Dpindesk.bench.drain=N}): a journal of N entries, sent by the real {@link
 * SyncService} over loopback HTTPS to a real central running in the same JVM, then again to a
 * fresh central, until stopped. Harsher than a counter's life: there the central runs elsewhere and
 * takes its half of the CPU with it.
 */
final class BackgroundDrain implements AutoCloseable {
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong entries = new AtomicLong();
  private final AtomicLong drains = new AtomicLong();
  private final Thread thread;
  private long started;
  private final long backlog;

  private BackgroundDrain(Path dir, int n) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path keys = KeyFiles.ensureTrainingKeys(dir.resolve("keys"));
    Sm2KeyPair ws = KeyFiles.workstation(keys);
    Path journal = dir.resolve("backlog.db");
    SyncDrainComparison.writeJournal(journal, keys, ws, n);
    try (JournalOutbox outbox = JournalOutbox.open(journal)) {
      backlog = outbox.lastSeq(); // the events and the journal's own segment and checkpoint entries
    }
    Files.createDirectories(dir.resolve("central"));
    CentralIdentity identity =
        CentralIdentity.loadOrCreate(dir.resolve("central").resolve("central.crt"));
    thread =
        new Thread(
            () -> {
              int round = 0;
              while (!stop.get()) {
                try {
                  drainOnce(identity, ws, journal, dir.resolve("central-" + round++ + ".db"));
                } catch (Exception e) {
                  if (!stop.get()) {
                    throw new IllegalStateException("background drain failed", e);
                  }
                }
              }
            },
            "bench-background-drain");
    thread.setDaemon(true);
  }

  /** Starts draining a fresh {@code n}-entry journal, over and over. */
  static BackgroundDrain start(Path dir, int n) throws Exception {
    BackgroundDrain d = new BackgroundDrain(dir, n);
    d.started = System.nanoTime();
    d.thread.start();
    return d;
  }

  private void drainOnce(CentralIdentity identity, Sm2KeyPair ws, Path journal, Path db)
      throws Exception {
    SyncDrainComparison.drain(identity, ws, journal, db);
    entries.addAndGet(backlog);
    drains.incrementAndGet();
    Files.deleteIfExists(db);
  }

  /** One line: drains completed and entries per second while it ran. */
  String summary() {
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format(
        "(meanwhile a background drain acknowledged %,d entries in %d drains: %,.0f entries/s)",
        entries.get(), drains.get(), entries.get() / seconds);
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.interrupt();
    thread.join(10_000);
  }
}
