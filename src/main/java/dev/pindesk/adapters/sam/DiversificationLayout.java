package dev.pindesk.adapters.sam;

import dev.pindesk.crypto.KeyDiversification;

/**
 * How the card identification code (16 binary bytes, EF05 tag 01, written as 32 hex digits) becomes
 * the diversification data of INIT FOR DESCRYPT. One level of diversification: the PSAM derives the
 * card key from its master key and this data; these layouts match {@code
 * crypto.KeyDiversification}, so a PSAM loaded with the issuer's master key computes the key the
 * card holds.
 */
public enum DiversificationLayout {
  /**
   * 8 bytes: the code's bytes folded, {@code D = code[0..8] XOR code[8..16]} (PBOC-style 3DES: the
   * PSAM then derives {@code 3DES(MK, D) || 3DES(MK, NOT D)}).
   */
  CODE_XOR_FOLD_8(8),
  /** 16 bytes: the code's bytes as they are (SM4: the PSAM derives {@code SM4(MK, data)}). */
  CODE_16(16);

  private final int length;

  DiversificationLayout(int length) {
    this.length = length;
  }

  public int length() {
    return length;
  }

  /**
   * The diversification data for {@code cardIdCode}.
   *
   * @throws IllegalArgumentException unless the code is 32 hex digits (the message names the length
   *     only)
   */
  public byte[] data(String cardIdCode) {
    byte[] code = KeyDiversification.diversificationData(cardIdCode);
    if (this == CODE_16) {
      return code;
    }
    byte[] d = new byte[8];
    for (int i = 0; i < 8; i++) {
      d[i] = (byte) (code[i] ^ code[i + 8]);
    }
    return d;
  }
}
