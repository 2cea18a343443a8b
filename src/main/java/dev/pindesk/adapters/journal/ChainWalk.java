package dev.pindesk.adapters.journal;

import dev.pindesk.adapters.journal.JournalFile.ProblemException;
import dev.pindesk.adapters.journal.JournalFile.Row;
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
final class ChainWalk implements JournalFile.RowVisitor {
  private final JournalHeader header;
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
    this.header = header;
    this.workstationKey = header.workstationPublicKey();
    this.supervisorKeyId = header.supervisorKeyId();
    this.head = header.genesis();
  }

  long lastSeq() {
    return expected - 1;
  }

  byte[] head() {
    return head;
  }

  @Override
  public boolean visit(Row row) throws ProblemException {
    long n = row.seq();
    if (n != expected) {
      throw problem(expected, Kind.MISSING, "missing (the next entry present is " + n + ")");
    }
    EntryHeader entry;
    try {
      entry = EntryHeader.decode(row.header());
    } catch (IllegalArgumentException e) {
      throw problem(n, Kind.MALFORMED, "malformed header: " + e.getMessage());
    }
    if (!Arrays.equals(entry.journalId(), header.journalId())) {
      throw problem(n, Kind.FOREIGN, "belongs to another journal (replayed or spliced in)");
    }
    byte[] hash = Sm3Chain.link(head, n, row.header(), row.body());
    if (!Arrays.equals(hash, row.hash())) {
      throw problem(n, Kind.CHAIN, "contents do not match the chain (changed, moved or inserted)");
    }
    checkBody(n, entry, row.body());
    head = hash;
    expected++;
    return true;
  }

  private void checkBody(long n, EntryHeader entry, byte[] body) throws ProblemException {
    if (n == 1 && entry.kind() != EntryKind.SEGMENT) {
      throw problem(n, Kind.SEGMENT, "the first entry must open a segment");
    }
    if (entry.kind() == EntryKind.SEGMENT) {
      if (entry.segment() != segment + 1) {
        throw problem(n, Kind.SEGMENT, "segment " + entry.segment() + " out of order");
      }
      SegmentBody segmentBody = decode(n, () -> SegmentBody.decode(body));
      if (!Arrays.equals(segmentBody.supervisorKeyId(), supervisorKeyId)) {
        throw problem(n, Kind.SEGMENT, "data key wrapped for another supervisor key");
      }
      segment = entry.segment();
      return;
    }
    if (entry.segment() != segment) {
      throw problem(n, Kind.SEGMENT, "in segment " + entry.segment() + ", expected " + segment);
    }
    if (entry.kind() == EntryKind.EVENT) {
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
    byte[] message = CheckpointBody.signedMessage(header.journalId(), cp.coveredSeq(), cp.head());
    if (!Sm2.verify(workstationKey, message, cp.signature())) {
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
