package dev.pindesk.adapters.journal;

import dev.pindesk.adapters.journal.JournalFile.ProblemException;
import dev.pindesk.adapters.journal.Problem.Kind;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm3Chain;
import dev.pindesk.crypto.gm.Sm4Gcm;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The rules of docs/journal-format.md "Verification", entry by entry: contiguous seq from 1, own
 * journal id, layout, chain hash, segment order and key id, checkpoints covering the entry before
 * them with a valid workstation signature. Stops at the first problem. Needs no private key.
 */
final class ChainWalk {
  private final byte[] journalId;
  private final ECPublicKeyParameters workstationKey;
  private final byte[] supervisorKeyId;
  private byte[] head;
  private long expected = 1;
  private long segment;
  long checkpoints;
  long events;
  long lastCheckpointSeq;
  byte[] lastCheckpointBody;

  ChainWalk(JournalHeader header) {
    this.journalId = header.journalId();
    this.workstationKey = header.workstationPublicKey();
    this.supervisorKeyId = header.supervisorKeyId();
    this.head = header.genesis();
  }

  /**
   * A walk that resumes after entry {@code lastSeq} whose stored hash is {@code head}, in segment
   * {@code segment} (the central receiver continues a workstation's chain batch by batch).
   */
  ChainWalk(JournalHeader header, long lastSeq, byte[] head, long segment, long lastCheckpoint) {
    this(header);
    if (lastSeq > 0) {
      this.head = head.clone();
      this.expected = lastSeq + 1;
      this.segment = segment;
      this.lastCheckpointSeq = lastCheckpoint;
    }
  }

  long segment() {
    return segment;
  }

  /** One row whose link is computed here (no pre-computed {@link RowBatch}). */
  void visit(long n, byte[] entryHeader, byte[] body, byte[] hash, Sm3Chain chain)
      throws ProblemException {
    boolean linked = false;
    if (hash.length == Sm3Chain.HASH_LENGTH) {
      byte[] computed = new byte[Sm3Chain.HASH_LENGTH];
      chain.linkInto(head, n, entryHeader, body, computed);
      linked = Arrays.equals(computed, hash);
    }
    visit(n, entryHeader, body, hash, linked, RowBatch.NOT_CHECKED);
  }

  long lastSeq() {
    return expected - 1;
  }

  byte[] head() {
    return head;
  }

  /** Applies the rules to every row of {@code batch} in order; throws at the first problem. */
  void visit(RowBatch batch) throws ProblemException {
    visit(batch, 0);
  }

  /** As {@link #visit(RowBatch)}, from row {@code from} of the batch. */
  void visit(RowBatch batch, int from) throws ProblemException {
    for (int i = from; i < batch.size; i++) {
      visit(
          batch.seq[i],
          batch.header[i],
          batch.body[i],
          batch.hash[i],
          batch.linked[i],
          batch.signature[i]);
    }
    if (batch.end != null) {
      throw batch.end;
    }
  }

  /**
   * One entry; {@code linked} says whether its stored hash is the link from the previous stored
   * hash (see {@link RowBatch}). Decodes nothing it does not need: the header is checked in place.
   */
  private void visit(
      long n, byte[] entryHeader, byte[] body, byte[] hash, boolean linked, byte signature)
      throws ProblemException {
    if (n != expected) {
      throw problem(expected, Kind.MISSING, "missing (the next entry present is " + n + ")");
    }
    EntryKind kind = kindOf(n, entryHeader);
    if (!Arrays.equals(
        entryHeader, 2, 2 + JournalHeader.JOURNAL_ID_LENGTH, journalId, 0, journalId.length)) {
      throw problem(n, Kind.FOREIGN, "belongs to another journal (replayed or spliced in)");
    }
    if (!linked) {
      throw problem(n, Kind.CHAIN, "contents do not match the chain (changed, moved or inserted)");
    }
    checkBody(n, kind, segmentOf(entryHeader), body, signature);
    head = hash;
    expected++;
  }

  /** The kind of a well-formed header; otherwise the decoder's own message. */
  private static EntryKind kindOf(long n, byte[] h) throws ProblemException {
    if (h.length == EntryHeader.LENGTH && h[0] == EntryHeader.VERSION) {
      switch (h[1]) {
        case 1:
          return EntryKind.SEGMENT;
        case 2:
          return EntryKind.EVENT;
        case 3:
          return EntryKind.CHECKPOINT;
        default:
          break;
      }
    }
    try {
      return EntryHeader.decode(h).kind();
    } catch (IllegalArgumentException e) {
      throw problem(n, Kind.MALFORMED, "malformed header: " + e.getMessage());
    }
  }

  private static long segmentOf(byte[] h) {
    return ((h[26] & 0xFFL) << 24)
        | ((h[27] & 0xFF) << 16)
        | ((h[28] & 0xFF) << 8)
        | (h[29] & 0xFF);
  }

  /** A checker of checkpoint signatures for {@link RowBatch#link()}, for this walk's journal. */
  CheckpointSignatures checkpointSignatures() {
    return new CheckpointSignatures(journalId, workstationKey);
  }

  private void checkBody(long n, EntryKind kind, long entrySegment, byte[] body, byte signature)
      throws ProblemException {
    if (n == 1 && kind != EntryKind.SEGMENT) {
      throw problem(n, Kind.SEGMENT, "the first entry must open a segment");
    }
    if (kind == EntryKind.SEGMENT) {
      if (entrySegment != segment + 1) {
        throw problem(n, Kind.SEGMENT, "segment " + entrySegment + " out of order");
      }
      SegmentBody segmentBody = decode(n, () -> SegmentBody.decode(body));
      if (!Arrays.equals(segmentBody.supervisorKeyId(), supervisorKeyId)) {
        throw problem(n, Kind.SEGMENT, "data key wrapped for another supervisor key");
      }
      segment = entrySegment;
      return;
    }
    if (entrySegment != segment) {
      throw problem(n, Kind.SEGMENT, "in segment " + entrySegment + ", expected " + segment);
    }
    if (kind == EntryKind.EVENT) {
      if (body.length <= Sm4Gcm.TAG_LENGTH) {
        throw problem(n, Kind.MALFORMED, "event body shorter than its GCM tag");
      }
      events++;
      return;
    }
    CheckpointBody cp = decode(n, () -> CheckpointBody.decode(body));
    if (cp.coveredSeq() != n - 1 || !Arrays.equals(cp.head(), head)) {
      throw problem(n, Kind.CHECKPOINT, "checkpoint does not cover the entry before it");
    }
    boolean signed =
        signature == RowBatch.NOT_CHECKED
            ? Sm2.verify(
                workstationKey,
                CheckpointBody.signedMessage(journalId, cp.coveredSeq(), cp.head()),
                cp.signature())
            : signature == RowBatch.SIGNATURE_OK;
    if (!signed) {
      throw problem(n, Kind.CHECKPOINT, "checkpoint signature is not the workstation's");
    }
    checkpoints++;
    lastCheckpointSeq = n;
    lastCheckpointBody = body;
  }

  private interface Decoder<T> {
    T decode();
  }

  private static <T> T decode(long n, Decoder<T> decoder) throws ProblemException {
    try {
      return decoder.decode();
    } catch (IllegalArgumentException e) {
      throw problem(n, Kind.MALFORMED, e.getMessage());
    }
  }

  static ProblemException problem(long seq, Kind kind, String detail) {
    return new ProblemException(new Problem(seq, kind, detail));
  }
}
