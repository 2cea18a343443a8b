package dev.pindesk.domain;

/** Block cipher a card uses for its privileged commands (FCI tag 86). */
public enum CipherAlgorithm {
  /** Two-key triple DES, 8-byte blocks (FCI algorithm byte 01). */
  TDES(8, true),
  /**
   * SSF33, 16-byte blocks (FCI algorithm byte 02): an unpublished algorithm that exists only in
   * hardware security modules, so no software module (training keys) can compute it.
   */
  SSF33(16, false),
  /** SM4 (GB/T 32907), 16-byte blocks (FCI algorithm byte 03). */
  SM4(16, true);

  private final int blockSize;
  private final boolean inSoftware;

  CipherAlgorithm(int blockSize, boolean inSoftware) {
    this.blockSize = blockSize;
    this.inSoftware = inSoftware;
  }

  public int blockSize() {
    return blockSize;
  }

  /** Whether PinDesk can compute it (only TDES and SM4 are public). */
  public boolean inSoftware() {
    return inSoftware;
  }
}
