package dev.pindesk.domain.sync;

import java.time.Instant;

/**
 * The central system's signed statement "I hold entries 1..{@code ackSeq} of journal {@code
 * journalId} and their chain ends in {@code head}". Stored by the workstation; it anchors the local
 * chain (a journal cut or rewritten below {@code ackSeq} no longer matches it).
 *
 * @param journalId the 16-byte journal id
 * @param workstationId the workstation id of the journal header
 * @param ackSeq entries 1..ackSeq are stored centrally (0: none yet)
 * @param head {@code h_ackSeq} (32 bytes; {@code h_0} when ackSeq is 0)
 * @param at when the central stored them
 * @param signature the central's signature over {@link #signedBytes()} (DER)
 */
public record Receipt(
    byte[] journalId,
    String workstationId,
    long ackSeq,
    byte[] head,
    Instant at,
    byte[] signature) {
  private static final byte[] MAGIC = {'P', 'D', 'R', 'C', 'P', 'T', '1'};

  /**
   * {@code "PDRCPT1" ‖ journalId (16) ‖ ackSeq u64 ‖ head (32) ‖ atMillis i64 ‖ wsIdLen u8 ‖
   * workstationId UTF-8}: what the central signs.
   */
  public byte[] signedBytes() {
    byte[] ws = workstationId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(
            MAGIC.length + journalId.length + 8 + head.length + 8 + 1 + ws.length);
    b.put(MAGIC).put(journalId).putLong(ackSeq).put(head).putLong(at.toEpochMilli());
    b.put((byte) ws.length).put(ws);
    return b.array();
  }
}
