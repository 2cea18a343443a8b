package dev.pindesk.adapters.sam;

import java.nio.charset.StandardCharsets;

/**
 * How the card identification code (16 characters, EF05 tag 01) becomes the diversification data of
 * INIT FOR DESCRYPT. One level of diversification: the PSAM derives the card key from its master
 * key and this data; these layouts match {@code crypto.KeyDiversification}, so a PSAM loaded with
 * the issuer's master key computes the key the card holds.
 */
public enum DiversificationLayout {
  /**
   * 8 bytes: the code's ASCII bytes folded, {@code D = ascii[0..8] XOR ascii[8..16]} (PBOC-style
   * 3DES: the PSAM then derives {@code 3DES(MK, D) || 3DES(MK, NOT D)}).
   */
  ASCII_XOR_FOLD_8(8),
  /** 16 bytes: the code's ASCII bytes as they are (SM4: the PSAM derives {@code SM4(MK, data)}). */
  ASCII_16(16);

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
   * @throws IllegalArgumentException unless the code is 16 ASCII characters (the message names the
   *     length or position only)
   */
  public byte[] data(String cardIdCode) {
    if (cardIdCode.length() != 16) {
      throw new IllegalArgumentException(
          "card identification code must be 16 characters, got " + cardIdCode.length());
    }
    for (int i = 0; i < cardIdCode.length(); i++) {
      if (cardIdCode.charAt(i) > 0x7F) {
        throw new IllegalArgumentException("card identification code: non-ASCII at index " + i);
      }
    }
    byte[] ascii = cardIdCode.getBytes(StandardCharsets.US_ASCII);
    if (this == ASCII_16) {
      return ascii;
    }
    byte[] d = new byte[8];
    for (int i = 0; i < 8; i++) {
      d[i] = (byte) (ascii[i] ^ ascii[i + 8]);
    }
    return d;
  }
}
