package dev.pindesk.adapters.sam;

import dev.pindesk.crypto.KeyDiversification;

/**
 * How the card identification code (EF05 tag 01: 16 bytes, written as 32 hex digits, or 16
 * characters on older data) becomes the diversification data of INIT FOR DESCRYPT. One level of
 * diversification: the PSAM derives the card key from its master key and this data; these layouts
 * match {@code crypto.KeyDiversification}, so a PSAM loaded with the issuer's master key computes
 * the key the card holds.
 */
public enum DiversificationLayout {
  /**
   * 8 bytes: the code's 16 bytes folded, {@code D = code[0..8] XOR code[8..16]} (PBOC-style 3DES:
   * the PSAM then derives {@code 3DES(MK, D) || 3DES(MK, NOT D)}).
   */
  ASCII_XOR_FOLD_8(8),
  /** 16 bytes: the code's bytes as they are (SM4: the PSAM derives {@code SM4(MK, data)}). */
  ASCII_16(16);

  private final int length;

  DiversificationLayout(int length) {
    this.length = length;
  }

  public int length() {
    return length;
  }

  /**
   * The diversification data for {@code cardIdCode}: its 16 bytes as {@code
   * KeyDiversification.diversificationData} gives them (binary for 32 hex digits, ASCII for 16
   * characters), folded to 8 for {@link #ASCII_XOR_FOLD_8}.
   *
   * @throws IllegalArgumentException for any other form (the message names the length or position
   *     only)
   */
  public byte[] data(String cardIdCode) {
    byte[] bytes = KeyDiversification.diversificationData(cardIdCode);
    if (this == ASCII_16) {
      return bytes;
    }
    byte[] d = new byte[8];
    for (int i = 0; i < 8; i++) {
      d[i] = (byte) (bytes[i] ^ bytes[i + 8]);
    }
    return d;
  }
}
