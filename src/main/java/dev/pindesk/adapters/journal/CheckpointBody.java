package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.gm.Sm2;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Body of a CHECKPOINT entry at seq {@code c}: covered seq ({@code c - 1}), the chain head {@code
 * h_{c-1}} and the workstation's SM2 signature over {@link #signedMessage}.
 */
record CheckpointBody(long coveredSeq, byte[] head, byte[] signature) {
  static final byte[] MAGIC = "PDJCKPT1".getBytes(StandardCharsets.US_ASCII);
  static final int LENGTH = 8 + 32 + Sm2.SIGNATURE_LENGTH;

  /** {@code "PDJCKPT1" ‖ journal id ‖ coveredSeq (u64) ‖ head}: what the signature covers. */
  static byte[] signedMessage(byte[] journalId, long coveredSeq, byte[] head) {
    return ByteBuffer.allocate(MAGIC.length + journalId.length + 8 + head.length)
        .put(MAGIC)
        .put(journalId)
        .putLong(coveredSeq)
        .put(head)
        .array();
  }

  byte[] encode() {
    return ByteBuffer.allocate(LENGTH).putLong(coveredSeq).put(head).put(signature).array();
  }

  static CheckpointBody decode(byte[] body) {
    if (body.length != LENGTH) {
      throw new IllegalArgumentException("checkpoint body is " + body.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(body);
    long covered = b.getLong();
    byte[] head = new byte[32];
    byte[] sig = new byte[Sm2.SIGNATURE_LENGTH];
    b.get(head).get(sig);
    return new CheckpointBody(covered, head, sig);
  }
}
