package dev.pindesk.domain.sync;

/**
 * One journal entry exactly as stored: sequence number, 30-byte clear header, sealed body and
 * stored chain hash (docs/journal-format.md). Shipped as-is; nobody on the way can read the body.
 */
public record SealedEntry(long seq, byte[] header, byte[] body, byte[] hash) {
  /** Bytes this entry takes in a batch (docs/sync-protocol.md). */
  public int wireSize() {
    return 8 + header.length + 4 + body.length + hash.length;
  }
}
