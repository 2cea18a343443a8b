package dev.pindesk.adapters.journal;

import dev.pindesk.adapters.journal.JournalFile.ProblemException;
import dev.pindesk.adapters.journal.Problem.Kind;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verification as a pipeline: the reading thread streams {@link RowBatch}es out of SQLite, worker
 * threads check their SM3 links (the bulk of the work: every byte of the journal is hashed), and
 * the batches come back in order to the {@link ChainWalk} for the sequential rules. A bounded
 * number of batches is in flight, so memory stays small whatever the journal's size.
 */
final class LinkPipeline implements JournalFile.BatchSink, AutoCloseable {
  private final ChainWalk walk;
  private final ExecutorService workers;
  private final int maxInFlight;
  private final ArrayDeque<Future<RowBatch>> inFlight = new ArrayDeque<>();
  private byte[] previousHash;
  private final CheckpointSignatures checkpoints;

  LinkPipeline(ChainWalk walk, byte[] genesis) {
    this.walk = walk;
    this.previousHash = genesis;
    this.checkpoints = walk.checkpointSignatures();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.maxInFlight = 2 * threads + 1;
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "journal-verify");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void accept(RowBatch batch) throws ProblemException {
    batch.previousHash = previousHash;
    batch.checkpoints = checkpoints;
    previousHash = batch.lastHash();
    inFlight.add(workers.submit(batch::link));
    while (inFlight.size() > maxInFlight) {
      walkOldest();
    }
  }

  /** Walks every batch still in flight, in order. */
  void finish() throws ProblemException {
    while (!inFlight.isEmpty()) {
      walkOldest();
    }
  }

  private void walkOldest() throws ProblemException {
    RowBatch batch;
    try {
      batch = inFlight.poll().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ChainWalk.problem(0, Kind.UNREADABLE, "verification interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing failed", e.getCause());
    }
    walk.visit(batch);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
