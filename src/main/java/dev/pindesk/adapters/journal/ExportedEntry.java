package dev.pindesk.adapters.journal;

import java.util.Map;

/**
 * One decrypted EVENT entry: its seq, its event members as in the canonical JSON (names of
 * docs/journal-format.md) and whether it lies in the verified part of the chain. When it cannot be
 * decrypted, {@code members} is empty and {@code error} says why.
 */
public record ExportedEntry(long seq, Map<String, Object> members, boolean verified, String error) {
  public ExportedEntry {
    members = Map.copyOf(members);
  }
}
