package dev.pindesk.service.sync;

import dev.pindesk.adapters.journal.ChainCursor;
import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.domain.sync.CentralException;
import dev.pindesk.domain.sync.CentralFailure;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import dev.pindesk.ports.CentralLink;
import dev.pindesk.testing.TestCentralKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory central for service tests: stores each seq once, answers a gap with {@code
 * expectedFrom}, a rewritten entry with {@code fork}, signs receipts like the real one; failures
 * can be scripted before the next exchanges, and it can be "restored from a backup".
 */
final class FakeCentral implements CentralLink {
  static final TestCentralKeys KEYS = TestCentralKeys.create();
  private static final Duration GAP_GRACE = Duration.ofMillis(250);

  private final TreeMap<Long, byte[]> hashes = new TreeMap<>();
  private final Deque<CentralException> failures = new ArrayDeque<>();
  private final List<Long> sentSeqs = new ArrayList<>();
  private byte[] journalId;
  private byte[] genesis;
  private int batches;
  private Instant now = Instant.parse("2026-03-01T08:00:00Z");
  private boolean lieAboutHead;

  synchronized void failNext(CentralFailure f, int times) {
    for (int i = 0; i < times; i++) {
      failures.add(new CentralException(f, "scripted"));
    }
  }

  /** The central loses everything after {@code seq} (restored from an older backup). */
  synchronized void restoreFromBackup(long seq) {
    hashes.tailMap(seq, false).clear();
  }

  /** The central forgets the journal entirely (a new database). */
  synchronized void forgetEverything() {
    hashes.clear();
    journalId = null;
  }

  synchronized void lieAboutTheHead() {
    lieAboutHead = true;
  }

  synchronized long headSeq() {
    return hashes.isEmpty() ? 0 : hashes.lastKey();
  }

  synchronized List<Long> sentSeqs() {
    return List.copyOf(sentSeqs);
  }

  synchronized int batches() {
    return batches;
  }

  @Override
  public synchronized Receipt send(SealedBatch batch)
      throws CentralException, InterruptedException {
    batches++;
    batch.entries().forEach(e -> sentSeqs.add(e.seq()));
    if (!failures.isEmpty()) {
      throw failures.poll();
    }
    if (journalId == null) {
      journalId = Arrays.copyOfRange(batch.entries().get(0).header(), 2, 18);
      genesis = ChainCursor.genesisOf(batch.journalHeader()).orElseThrow();
    }
    awaitHeadBefore(batch.from());
    long head = headSeq();
    if (batch.from() > head + 1) {
      throw new CentralException(CentralFailure.GAP, "expected " + (head + 1), head + 1, null);
    }
    for (SealedEntry e : batch.entries()) {
      byte[] stored = hashes.get(e.seq());
      if (stored != null && !Arrays.equals(stored, e.hash())) {
        throw new CentralException(CentralFailure.FORK, "entry " + e.seq() + " differs");
      }
      hashes.put(e.seq(), e.hash());
    }
    notifyAll();
    return receipt();
  }

  /**
   * Like the real central (BatchIntake.GAP_GRACE_MILLIS): a batch ahead of the head waits a moment
   * for the one before it, which two batches in flight may deliver second.
   */
  private void awaitHeadBefore(long from) throws InterruptedException {
    long until = System.nanoTime() + GAP_GRACE.toNanos();
    for (long left = GAP_GRACE.toNanos();
        from > headSeq() + 1 && left > 0;
        left = until - System.nanoTime()) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public synchronized Optional<Receipt> fetchReceipt(byte[] id) throws CentralException {
    if (!failures.isEmpty()) {
      throw failures.poll();
    }
    if (journalId == null || !Arrays.equals(id, journalId)) {
      return Optional.empty();
    }
    return Optional.of(receipt());
  }

  private Receipt receipt() {
    long head = headSeq();
    byte[] h = head == 0 ? genesis : hashes.get(head).clone();
    if (lieAboutHead) {
      h[0] ^= 1;
    }
    now = now.plusSeconds(1);
    return ReceiptCodec.sign(
        new Receipt(journalId, "WS-SYNC-01", head, h, now, new byte[0]),
        KEYS.keyPair().getPrivate());
  }
}
