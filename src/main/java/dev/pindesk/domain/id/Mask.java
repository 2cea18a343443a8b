package dev.pindesk.domain.id;

/**
 * Masked forms of personal data for logs, the journal and {@code toString()}. Masking never
 * requires the data to be valid: numbers read from old cards may fail the checksum or be short.
 */
public final class Mask {
  private Mask() {}

  /**
   * An ID number with the birth date and most of the sequence hidden: 18 characters become the
   * first 6 + 8 asterisks + the last 4 ({@code 110101********123X}). Longer input keeps the same
   * ends; 15 to 17 characters (old 15-digit numbers, damaged data) keep the first 6 and the last 3;
   * anything shorter is masked completely. The length is preserved.
   */
  public static String idNumber(CharSequence number) {
    int n = number.length();
    int head;
    int tail;
    if (n >= 18) {
      head = 6;
      tail = 4;
    } else if (n >= 15) {
      head = 6;
      tail = 3;
    } else {
      head = 0;
      tail = 0;
    }
    StringBuilder sb = new StringBuilder(n);
    sb.append(number, 0, head);
    sb.append("*".repeat(n - head - tail));
    sb.append(number, n - tail, n);
    return sb.toString();
  }

  /**
   * A name with everything after the first character replaced by one asterisk per character ({@code
   * 张三丰} becomes {@code 张**}); a one-character name becomes a single asterisk. Characters are code
   * points, so supplementary characters are never cut in half.
   */
  public static String name(String name) {
    int count = name.codePointCount(0, name.length());
    if (count <= 1) {
      return "*".repeat(count);
    }
    int firstEnd = name.offsetByCodePoints(0, 1);
    return name.substring(0, firstEnd) + "*".repeat(count - 1);
  }
}
