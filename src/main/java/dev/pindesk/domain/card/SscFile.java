package dev.pindesk.domain.card;

/** Elementary files of the SSC application that PinDesk reads. */
public enum SscFile {
  /** Card information. */
  EF05(0xEF05),
  /** Holder information. */
  EF06(0xEF06);

  private final int fileId;

  SscFile(int fileId) {
    this.fileId = fileId;
  }

  public int fileId() {
    return fileId;
  }
}
