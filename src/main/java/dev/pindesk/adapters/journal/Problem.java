package dev.pindesk.adapters.journal;

import java.util.Locale;

/**
 * The first thing wrong with a journal: at entry {@code seq} (0 for the file or its header), what
 * ({@link Kind}, whose wire name is stable API) and a short English detail.
 */
public record Problem(long seq, Kind kind, String detail) {
  /** What can be wrong. Wire names are stable: scripts and the central system match on them. */
  public enum Kind {
    /** The file does not exist or cannot be read. */
    UNREADABLE,
    /** Not an SQLite database, or an SQLite database without a PinDesk journal. */
    NOT_A_JOURNAL,
    /** The database or the file header is damaged. */
    CORRUPT,
    /** Format version or crypto suite unknown to this verifier. */
    UNSUPPORTED,
    /** The file header's signature does not verify with its own workstation key. */
    HEADER_SIGNATURE,
    /** The journal is signed by another key than the expected workstation key. */
    UNEXPECTED_KEY,
    /** An entry is missing: deleted, or the rows were renumbered. */
    MISSING,
    /** The entry carries another journal's id: spliced in from another journal. */
    FOREIGN,
    /** The entry's header or body does not have the documented layout. */
    MALFORMED,
    /**
     * The entry's contents do not give its chain hash: changed, swapped, duplicated or inserted.
     */
    CHAIN,
    /** Segment numbers out of order, or a segment for another supervisor key. */
    SEGMENT,
    /** A checkpoint does not cover the entry before it, or its signature is invalid. */
    CHECKPOINT,
    /**
     * The journal ends before its latest checkpoint or before the entry a central receipt
     * acknowledges: entries at the end were removed.
     */
    TRUNCATED,
    /**
     * The stored central receipt is damaged, names another journal, or (with the central's
     * certificate) its signature does not verify.
     */
    RECEIPT;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One line: {@code entry N: <detail>} or, for the file itself, the detail. */
  public String describe() {
    return seq > 0 ? "entry " + seq + ": " + detail : detail;
  }
}
