package dev.pindesk.adapters.journal;

import java.nio.ByteBuffer;

/**
 * The clear, authenticated header of one entry (30 bytes, docs/journal-format.md "Entry"): version,
 * kind, journal id, UTC milliseconds, segment. Nothing about the case or the people is in clear.
 */
record EntryHeader(EntryKind kind, byte[] journalId, long timeMillis, long segment) {
  static final int LENGTH = 30;
  static final int VERSION = 1;

  byte[] encode() {
    return ByteBuffer.allocate(LENGTH)
        .put((byte) VERSION)
        .put((byte) kind.code())
        .put(journalId)
        .putLong(timeMillis)
        .putInt((int) segment)
        .array();
  }

  /**
   * @throws IllegalArgumentException when {@code bytes} is not a version-1 entry header
   */
  static EntryHeader decode(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("entry header is " + bytes.length + " bytes, not 30");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (b.get() != VERSION) {
      throw new IllegalArgumentException("entry header version is not 1");
    }
    EntryKind kind = EntryKind.fromCode(b.get());
    byte[] id = new byte[JournalHeader.JOURNAL_ID_LENGTH];
    b.get(id);
    long time = b.getLong();
    long segment = Integer.toUnsignedLong(b.getInt());
    return new EntryHeader(kind, id, time, segment);
  }
}
