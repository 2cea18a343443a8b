package dev.pindesk.adapters.journal;

/** What an entry's body holds. */
enum EntryKind {
  /** Opens a segment: supervisor key id and the segment's SM4 data key wrapped with SM2. */
  SEGMENT(1),
  /** An audit event: canonical JSON sealed with SM4-GCM under the segment's data key. */
  EVENT(2),
  /** A checkpoint: covered seq, chain head and the workstation's SM2 signature over them. */
  CHECKPOINT(3);

  private final int code;

  EntryKind(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  static EntryKind fromCode(int code) {
    for (EntryKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown entry kind " + code);
  }
}
