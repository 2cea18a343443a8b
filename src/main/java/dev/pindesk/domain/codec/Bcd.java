package dev.pindesk.domain.codec;

/**
 * Packed BCD as the SSC stores dates (YYYYMMDD in 4 bytes), birthplaces and PIN blocks: two digits
 * per byte, high nibble first; a trailing {@code F} nibble pads odd digit counts.
 */
public final class Bcd {
  private Bcd() {}

  /**
   * Encodes decimal digits; an odd count is padded with {@code F}.
   *
   * @throws IllegalArgumentException for anything but 0-9
   */
  public static byte[] encode(CharSequence digits) {
    int n = digits.length();
    byte[] out = new byte[(n + 1) / 2];
    for (int i = 0; i < n; i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("not a decimal digit at position " + i);
      }
      int shift = (i % 2 == 0) ? 4 : 0;
      out[i / 2] |= (byte) (d << shift);
    }
    if (n % 2 == 1) {
      out[n / 2] |= 0x0F;
    }
    return out;
  }

  /**
   * Decodes to digits, stopping at the first {@code F} padding nibble (after which only {@code F}
   * may follow).
   *
   * @throws IllegalArgumentException for nibbles A-E or digits after padding
   */
  public static String decode(byte[] bcd) {
    StringBuilder sb = new StringBuilder(bcd.length * 2);
    boolean padding = false;
    for (int i = 0; i < bcd.length * 2; i++) {
      int nibble = (bcd[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0F;
      if (nibble == 0x0F) {
        padding = true;
      } else if (padding || nibble > 9) {
        throw new IllegalArgumentException("invalid BCD nibble at position " + i);
      } else {
        sb.append((char) ('0' + nibble));
      }
    }
    return sb.toString();
  }
}
