package dev.pindesk.domain.codec;

import java.util.HexFormat;

/** Upper-case hex without separators, the form used in traces, profiles and tests. */
public final class Hex {
  private static final HexFormat UPPER = HexFormat.of().withUpperCase();

  private Hex() {}

  public static String of(byte[] bytes) {
    return UPPER.formatHex(bytes);
  }

  public static String of(byte[] bytes, int from, int to) {
    return UPPER.formatHex(bytes, from, to);
  }

  /** Parses hex, ignoring spaces; throws {@link IllegalArgumentException} on odd length or junk. */
  public static byte[] parse(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }
}
