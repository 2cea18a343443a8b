package dev.pindesk.domain.pin;

import java.util.List;

/**
 * The rules that look at the six digits alone. Each takes the digits as values 0..9 (the caller's
 * wiped copy of the PIN) and compares them with patterns or non-secret lists; none keeps or returns
 * the digits. Loops run over every candidate without stopping early, so the time taken says little
 * about which pattern matched.
 */
final class DigitPatterns {
  /**
   * Straight lines of three keys on a PIN pad (1 2 3 / 4 5 6 / 7 8 9 / 0 under 8): rows, columns
   * (the middle one down to 0), diagonals, each both ways.
   */
  static final List<String> KEYPAD_LINES =
      List.of(
          "123", "321", "456", "654", "789", "987", "147", "741", "258", "852", "369", "963", "580",
          "085", "159", "951", "357", "753");

  /** The middle column walked round (2 5 8 0 2 5 ...) one way and the other. */
  private static final String MIDDLE_COLUMN = "2580";

  /** Windows of the love phrases 5201314 / 5211314 / 1314520 and repeated 520 / 521. */
  private static final List<String> LOVE =
      List.of(
          "520131", "521131", "314520", "314521", "520520", "521521", "520521", "521520", "131452");

  /** Chinese "love" word for "for life", refused anywhere in the PIN. */
  private static final String FOR_LIFE = "1314";

  /** Lucky: 168 ("on the road to wealth"). Triples of 6, 8 and 9 count as lucky too. */
  private static final String ROAD_TO_WEALTH = "168";

  /**
   * Digit strings people remember from school and the news: pi, e, the cyclic number 142857 and its
   * rotations, the Fibonacci numbers, the golden ratio, square roots of 2 and 3.
   */
  static final List<String> FAMOUS =
      List.of(
          "314159", "141592", "271828", "142857", "428571", "285714", "857142", "571428", "714285",
          "112358", "123581", "161803", "618033", "141421", "173205");

  private DigitPatterns() {}

  /** How many digits differ from {@code start, start+step, ...} (modulo 10), from 0 to 6. */
  static int mismatches(int[] d, int start, int step) {
    int off = 0;
    for (int i = 0; i < d.length; i++) {
      off += d[i] == (start + i * step) % 10 ? 0 : 1;
    }
    return off;
  }

  /** The fewest digits that differ from a progression of {@code step} from any start. */
  static int fewestMismatches(int[] d, int step) {
    int fewest = d.length;
    for (int start = 0; start < 10; start++) {
      fewest = Math.min(fewest, mismatches(d, start, step));
    }
    return fewest;
  }

  /** aabbcc, ababab, abcabc or aaabbb. */
  static boolean repeatedGroups(int[] d) {
    boolean doubled = d[0] == d[1] && d[2] == d[3] && d[4] == d[5];
    boolean pairRepeated = d[0] == d[2] && d[2] == d[4] && d[1] == d[3] && d[3] == d[5];
    boolean tripleRepeated = d[0] == d[3] && d[1] == d[4] && d[2] == d[5];
    boolean twoTriples = d[0] == d[1] && d[1] == d[2] && d[3] == d[4] && d[4] == d[5];
    return doubled || pairRepeated || tripleRepeated || twoTriples;
  }

  static boolean palindrome(int[] d) {
    boolean same = true;
    for (int i = 0; i < d.length / 2; i++) {
      same &= d[i] == d[d.length - 1 - i];
    }
    return same;
  }

  /** Two keypad lines one after the other (147258, 159357, 852741), or a middle-column walk. */
  static boolean keypad(int[] d) {
    boolean first = false;
    boolean second = false;
    for (String line : KEYPAD_LINES) {
      first |= equalsAt(d, 0, line, 0, 3);
      second |= equalsAt(d, 3, line, 0, 3);
    }
    return (first && second) || middleColumnWalk(d);
  }

  /** 258025, 580258, 085208, ...: each key the next of the middle column, round and round. */
  private static boolean middleColumnWalk(int[] d) {
    boolean any = false;
    for (int start = 0; start < MIDDLE_COLUMN.length(); start++) {
      for (int step : new int[] {1, MIDDLE_COLUMN.length() - 1}) {
        boolean walk = true;
        for (int i = 0; i < d.length; i++) {
          int key = MIDDLE_COLUMN.charAt((start + i * step) % MIDDLE_COLUMN.length()) - '0';
          walk &= d[i] == key;
        }
        any |= walk;
      }
    }
    return any;
  }

  /** 1314 anywhere, a window of the love phrases, or two lucky triples (168, or only 6, 8, 9). */
  static boolean loveOrLucky(int[] d) {
    boolean forLife = false;
    for (int off = 0; off + FOR_LIFE.length() <= d.length; off++) {
      forLife |= equalsAt(d, off, FOR_LIFE, 0, FOR_LIFE.length());
    }
    boolean love = false;
    for (String phrase : LOVE) {
      love |= equalsAt(d, 0, phrase, 0, d.length);
    }
    return forLife || love || (luckyTriple(d, 0) && luckyTriple(d, 3));
  }

  private static boolean luckyTriple(int[] d, int from) {
    boolean sixEightNine = true;
    for (int i = from; i < from + 3; i++) {
      sixEightNine &= d[i] == 6 || d[i] == 8 || d[i] == 9;
    }
    return sixEightNine || equalsAt(d, from, ROAD_TO_WEALTH, 0, 3);
  }

  /** Whether the digits equal one of {@code candidates} (6 characters each). */
  static boolean equalsAny(int[] d, Iterable<String> candidates) {
    boolean any = false;
    for (String c : candidates) {
      any |= c.length() == d.length && equalsAt(d, 0, c, 0, d.length);
    }
    return any;
  }

  /**
   * Whether {@code length} digits from {@code from} equal {@code text} from {@code offset}; a
   * non-digit in the text never matches.
   */
  static boolean equalsAt(int[] d, int from, CharSequence text, int offset, int length) {
    int diff = 0;
    for (int i = 0; i < length; i++) {
      diff |= text.charAt(offset + i) ^ ('0' + d[from + i]);
    }
    return diff == 0;
  }
}
