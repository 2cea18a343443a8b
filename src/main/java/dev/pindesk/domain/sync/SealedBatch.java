package dev.pindesk.domain.sync;

import java.util.List;

/**
 * Entries {@code from..to} (contiguous) of one journal, with the journal's signed file header so
 * the receiver can check the chain from its genesis. The unit of idempotency: the same range sent
 * twice is stored once.
 */
public record SealedBatch(byte[] journalHeader, byte[] headerSignature, List<SealedEntry> entries) {
  public SealedBatch {
    entries = List.copyOf(entries);
    for (int i = 1; i < entries.size(); i++) {
      if (entries.get(i).seq() != entries.get(i - 1).seq() + 1) {
        throw new IllegalArgumentException("batch entries are not contiguous at " + i);
      }
    }
  }

  public long from() {
    return entries.isEmpty() ? 0 : entries.get(0).seq();
  }

  public long to() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
  }
}
