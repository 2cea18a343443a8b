package dev.pindesk.adapters.journal;

import dev.pindesk.adapters.journal.JournalFile.ProblemException;
import dev.pindesk.crypto.gm.Sm3Chain;
import java.util.Arrays;

/**
 * Consecutive entry rows as stored, and — computed by {@link #link()} off the reading thread —
 * whether each row's stored hash is the SM3 link from the stored hash of the row before it.
 *
 * <p>Why that is enough: if every row satisfies {@code hash_n = SM3(hash_{n-1} ‖ seq ‖ header ‖
 * body)} with {@code hash_0} the genesis, then by induction every stored hash equals the hash the
 * sequential walk computes, and the first row that fails is the first row the sequential walk would
 * reject. So links can be checked batch by batch in parallel, and the in-order checks only read the
 * result.
 */
final class RowBatch {
  static final int CAPACITY = 1024;

  final long[] seq = new long[CAPACITY];
  final byte[][] header = new byte[CAPACITY][];
  final byte[][] body = new byte[CAPACITY][];
  final byte[][] hash = new byte[CAPACITY][];
  final boolean[] linked = new boolean[CAPACITY];

  /**
   * For checkpoint rows, when {@link #checkpoints} is set: {@link #SIGNATURE_OK} or {@link
   * #SIGNATURE_BAD}, decided by {@link #link()} on its thread; else {@link #NOT_CHECKED} and the
   * walk checks the signature itself.
   */
  final byte[] signature = new byte[CAPACITY];

  static final byte NOT_CHECKED = 0;
  static final byte SIGNATURE_OK = 1;
  static final byte SIGNATURE_BAD = 2;

  /** Checks checkpoint signatures along with the links, when set. */
  CheckpointSignatures checkpoints;

  int size;

  /**
   * The stored hash of the row before the first one (the genesis for the first batch); null when
   * not known yet ({@link ChainLinks}): the first row's link is then left for the caller.
   */
  byte[] previousHash;

  /** A problem found while reading the row after the last one; reported after these rows. */
  ProblemException end;

  boolean full() {
    return size == CAPACITY;
  }

  void add(long n, byte[] entryHeader, byte[] entryBody, byte[] entryHash) {
    seq[size] = n;
    header[size] = entryHeader;
    body[size] = entryBody;
    hash[size] = entryHash;
    size++;
  }

  /** The stored hash of the last row, or {@code previousHash} when empty. */
  byte[] lastHash() {
    return size == 0 ? previousHash : hash[size - 1];
  }

  /** Fills {@link #linked}; returns this batch. Safe to run on any one thread. */
  RowBatch link() {
    Sm3Chain chain = new Sm3Chain();
    byte[] computed = new byte[Sm3Chain.HASH_LENGTH];
    byte[] previous = previousHash;
    for (int i = 0; i < size; i++) {
      linked[i] = previous != null && links(chain, previous, i, computed);
      previous = hash[i];
      if (checkpoints != null) {
        signature[i] = checkpoints.verdict(header[i], body[i]);
      }
    }
    return this;
  }

  /** Whether row {@code i}'s stored hash is the link from {@code previous}. */
  boolean links(Sm3Chain chain, byte[] previous, int i, byte[] computed) {
    if (previous.length != Sm3Chain.HASH_LENGTH || hash[i].length != Sm3Chain.HASH_LENGTH) {
      return false;
    }
    chain.linkInto(previous, seq[i], header[i], body[i], computed);
    return Arrays.equals(computed, hash[i]);
  }
}
