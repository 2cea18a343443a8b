package dev.pindesk.domain;

/** Block cipher a card profile uses for its privileged-command MACs. */
public enum CipherAlgorithm {
  /** Two-key triple DES, 8-byte blocks (FCI algorithm byte 01). */
  TDES(8),
  /** SM4 (GB/T 32907), 16-byte blocks (FCI algorithm byte 03). */
  SM4(16);

  private final int blockSize;

  CipherAlgorithm(int blockSize) {
    this.blockSize = blockSize;
  }

  public int blockSize() {
    return blockSize;
  }
}
