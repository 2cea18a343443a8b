package dev.pindesk.domain.card;

/**
 * GB 3304 ethnicity codes as the card stores them (EF06 tag 0B, one BCD byte): 01 to 56 for the 56
 * recognised groups, 97 "other, not identified", 98 "naturalised citizen of foreign origin". The
 * names are in the {@code messages} bundles under {@link #messageKey(String)}.
 */
public final class Ethnicity {
  private Ethnicity() {}

  /** Whether {@code code} (two digits) is a GB 3304 code. */
  public static boolean isKnown(String code) {
    if (!code.matches("[0-9]{2}")) {
      return false;
    }
    int n = Integer.parseInt(code);
    return (n >= 1 && n <= 56) || n == 97 || n == 98;
  }

  /** Key of the group's name, e.g. {@code ethnicity.10}; only for {@link #isKnown} codes. */
  public static String messageKey(String code) {
    return "ethnicity." + code;
  }
}
