package dev.pindesk.service.sync;

import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.sync.CentralException;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.ports.CentralLink;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The sync service's helper threads, daemons started on first use: one reads the next batch out of
 * the journal while the current ones travel ({@code journal-sync-read}), others carry batches to
 * the central and wait for its answer ({@code journal-sync-send}, one per batch in flight).
 */
final class SyncWorkers implements AutoCloseable {
  /** Reads the batch after {@code after} out of the journal. */
  @FunctionalInterface
  interface BatchReader {
    SealedBatch read(long after) throws JournalException;
  }

  private final CentralLink link;
  private final BatchReader reader;
  private ExecutorService readers;
  private ExecutorService senders;

  SyncWorkers(CentralLink link, BatchReader reader) {
    this.link = link;
    this.reader = reader;
  }

  /** Starts reading the batch after {@code after}. */
  synchronized Prefetch readAhead(long after) {
    if (readers == null) {
      readers = Executors.newSingleThreadExecutor(daemon("journal-sync-read"));
    }
    return new Prefetch(after, readers.submit(() -> reader.read(after)));
  }

  /** Puts {@code batch} on the wire; its answer comes in the returned flight. */
  synchronized InFlight send(SealedBatch batch) {
    if (senders == null) {
      senders = Executors.newCachedThreadPool(daemon("journal-sync-send"));
    }
    return new InFlight(batch, senders.submit(() -> link.send(batch)));
  }

  /** Interrupts what is running (an exchange in progress is abandoned). */
  @Override
  public synchronized void close() {
    if (readers != null) {
      readers.shutdownNow();
    }
    if (senders != null) {
      senders.shutdownNow();
    }
  }

  /** A batch being read on the read-ahead thread: the entries after {@code after}. */
  record Prefetch(long after, Future<SealedBatch> future) {
    SealedBatch get() throws JournalException, InterruptedException {
      try {
        return future.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof JournalException j) {
          throw j;
        }
        throw new IllegalStateException("reading the next batch failed", e.getCause());
      }
    }
  }

  /** A batch on the wire and the central's answer to come. */
  record InFlight(SealedBatch batch, Future<Receipt> answer) {
    Receipt receipt() throws CentralException, InterruptedException {
      try {
        return answer.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CentralException c) {
          throw c;
        }
        if (cause instanceof InterruptedException) {
          throw new InterruptedException("sending a batch was interrupted");
        }
        throw new IllegalStateException("sending a batch failed", cause);
      }
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
