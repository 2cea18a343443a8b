package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.gm.Sm2;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Checks the workstation signature of checkpoint rows on a hashing thread ({@link RowBatch#link()})
 * instead of in the in-order walk: the signed message depends only on the checkpoint's own body and
 * the journal id, so the verdict is the same wherever it is computed; the walk still checks in
 * order that the checkpoint covers the entry before it. An SM2 verification per thousand entries
 * was the largest piece of the central's work under the journal lock.
 */
final class CheckpointSignatures {
  private final byte[] journalId;
  private final ECPublicKeyParameters workstationKey;

  CheckpointSignatures(byte[] journalId, ECPublicKeyParameters workstationKey) {
    this.journalId = journalId;
    this.workstationKey = workstationKey;
  }

  /** The verdict for one row: {@link RowBatch#NOT_CHECKED} unless it is a readable checkpoint. */
  byte verdict(byte[] entryHeader, byte[] body) {
    if (entryHeader.length != EntryHeader.LENGTH
        || entryHeader[0] != EntryHeader.VERSION
        || entryHeader[1] != 3) {
      return RowBatch.NOT_CHECKED;
    }
    CheckpointBody cp;
    try {
      cp = CheckpointBody.decode(body);
    } catch (IllegalArgumentException e) {
      return RowBatch.NOT_CHECKED; // the walk reports it, in order
    }
    byte[] message = CheckpointBody.signedMessage(journalId, cp.coveredSeq(), cp.head());
    return Sm2.verify(workstationKey, message, cp.signature())
        ? RowBatch.SIGNATURE_OK
        : RowBatch.SIGNATURE_BAD;
  }
}
