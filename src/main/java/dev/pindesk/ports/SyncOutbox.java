package dev.pindesk.ports;

import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.ReceiptMismatchException;
import dev.pindesk.domain.sync.SealedBatch;
import java.time.Instant;
import java.util.Optional;

/**
 * The journal as the sync service sees it: the outbox itself (entries are read as stored, sealed)
 * plus the acknowledged position ({@code ackSeq}) and the latest verified receipt. The cursor moves
 * only through {@link #acknowledge} (forward, checked against the chain) or an explicit {@link
 * #rewind} / {@link #forgetCursor} that the sync service decides after asking the central.
 *
 * <p>Reading never blocks the counter's appends; the journal may grow between two calls.
 */
public interface SyncOutbox extends AutoCloseable {
  /** The journal's 16-byte id. */
  byte[] journalId();

  /** The last entry written (0 for none). */
  long lastSeq() throws JournalException;

  /**
   * Entries {@code afterSeq+1 ..} as stored, at most {@code maxEntries} and about {@code maxBytes}
   * (at least one entry when there is one), with the signed file header.
   */
  SealedBatch read(long afterSeq, int maxEntries, int maxBytes) throws JournalException;

  /** The stored chain hash {@code h_seq} ({@code h_0}, the genesis, for 0). */
  byte[] hashAt(long seq) throws JournalException;

  /** Entries 1..ackSeq are acknowledged by a stored receipt (0 for none). */
  long ackSeq() throws JournalException;

  /** The latest verified receipt, if any. */
  Optional<Receipt> receipt() throws JournalException;

  /** When the oldest unacknowledged entry was written; empty when none waits. */
  Optional<Instant> oldestPendingTime() throws JournalException;

  /** Entries written and not acknowledged. */
  default long pending() throws JournalException {
    return Math.max(0, lastSeq() - ackSeq());
  }

  /**
   * Stores {@code receipt} and moves the cursor to its ackSeq, which must not be below the stored
   * one (the receipt's signature is checked by whoever received it).
   *
   * @throws ReceiptMismatchException when it names another journal, lies beyond the journal's end,
   *     has another head than {@code h_ackSeq}, or would move the cursor backwards
   */
  void acknowledge(Receipt receipt) throws JournalException, ReceiptMismatchException;

  /**
   * Like {@link #acknowledge} but may move the cursor backwards: the central holds less than the
   * stored receipt said (restored from a backup) and the entries after its head must be sent again.
   */
  void rewind(Receipt receipt) throws JournalException, ReceiptMismatchException;

  /** The central does not know this journal at all: forget the cursor and its receipt. */
  void forgetCursor() throws JournalException;

  @Override
  void close();
}
