package dev.pindesk.adapters.journal;

import dev.pindesk.domain.sync.SealedEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * The SM3 links of a run of shipped entries, computed ahead: the central hands each chunk to {@link
 * #add} as it decodes it from the request body, so the hashing runs on other cores while the rest
 * of the batch is still arriving, and before the journal is locked. {@link
 * ChainCursor#acceptAll(ChainLinks, int)} then applies the in-order rules and only hashes the first
 * entry it accepts (its predecessor is the stored head, not known here). {@link RowBatch} says why
 * links checked this way give the sequential walk's verdict.
 *
 * <p>{@link #add} is called by one thread, in entry order.
 */
public final class ChainLinks {
  private final Executor executor;
  private final List<RowBatch> chunks = new ArrayList<>();
  private final List<CompletableFuture<RowBatch>> linked = new ArrayList<>();
  private RowBatch current;
  private byte[] previous;
  private CheckpointSignatures checkpoints;

  public ChainLinks(Executor executor) {
    this.executor = executor;
  }

  /**
   * The journal header the entries belong to (before the first entry): with it, checkpoint
   * signatures are checked along with the links. A header that does not decode is left to the
   * cursor to refuse.
   */
  public void header(byte[] journalHeader) {
    try {
      JournalHeader h = JournalHeader.decode(journalHeader);
      checkpoints = new CheckpointSignatures(h.journalId(), h.workstationPublicKey());
    } catch (IllegalArgumentException e) {
      checkpoints = null;
    }
  }

  /** Adds the next entry; a full chunk is sent off to be linked. */
  public void add(SealedEntry e) {
    if (current == null) {
      current = new RowBatch();
      current.previousHash = previous;
      current.checkpoints = checkpoints;
    }
    current.add(e.seq(), e.header(), e.body(), e.hash());
    previous = e.hash();
    if (current.full()) {
      submit();
    }
  }

  /** No more entries: the last chunk is sent off. */
  public void finish() {
    if (current != null) {
      submit();
    }
  }

  private void submit() {
    RowBatch chunk = current;
    current = null;
    chunks.add(chunk);
    linked.add(CompletableFuture.supplyAsync(chunk::link, executor));
  }

  /** The chunks, once every link is computed. */
  List<RowBatch> await() throws InterruptedException {
    finish();
    for (CompletableFuture<RowBatch> f : linked) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("hashing failed", e.getCause());
      }
    }
    return chunks;
  }
}
