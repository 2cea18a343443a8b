package dev.pindesk.adapters.central;

/**
 * A journal as the central holds it: its signed header, who sent it, and where its chain stands
 * ({@code headSeq}, {@code headHash} = {@code h_headSeq}, the segment of that entry and the latest
 * checkpoint), enough to resume the chain check with the next batch.
 *
 * @param journalId 32 lower-case hex digits
 * @param keyId the enrolled workstation key that sends it
 * @param workstationId the workstation id written in the header
 * @param lastReceiptAt Unix ms when the head last moved (registration time while it is 0)
 */
public record JournalRow(
    String journalId,
    String keyId,
    String workstationId,
    byte[] header,
    byte[] headerSignature,
    long headSeq,
    byte[] headHash,
    long segment,
    long lastCheckpointSeq,
    long lastReceiptAt) {}
