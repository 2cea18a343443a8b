package dev.pindesk.domain.pin;

import dev.pindesk.domain.Pin;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses new PINs that are easy to guess: the rules of SSC-CARD.md section 1 plus a short list of
 * popular PINs. Every rule compares the PIN's digits (copied into an {@code int[]} that is wiped
 * before returning) with patterns built from non-secret data; the PIN never becomes a {@code
 * String}.
 *
 * <p>Decisions: ascending and descending runs wrap around (890123 and 109876 are refused: on a
 * keypad they are as easy to type as 123456); birth dates are the holder's and those encoded in the
 * ID numbers (the agent's too), in the forms of {@link BirthDateForms}; a card number's tail counts
 * only when its last 6 characters are digits.
 */
public final class PinPolicy {
  /** Length of a card PIN. */
  public static final int LENGTH = 6;

  private static final String INITIAL = "123456";

  /**
   * PINs seen most often in leaked and surveyed 6-digit sets, plus Chinese number-words (520 "I
   * love you", 1314 "for life") and keypad lines/crosses. Rules above catch many more.
   */
  private static final List<String> KNOWN_WEAK =
      List.of(
          "000000", "888888", "666666", "520520", "521521", "520131", "201314", "131420", "147258",
          "258369", "147369", "159753", "357159", "123321", "654123", "123654", "112233", "121212",
          "123123", "456789", "987654", "789456", "168168", "518518", "741852", "852963", "963852",
          "101010", "110110", "111222", "100200", "102030", "147852", "369258", "654321");

  /** The popular PINs refused as {@link WeakPinReason#KNOWN_WEAK}. */
  static List<String> knownWeak() {
    return KNOWN_WEAK;
  }

  /** Judges {@code pin} (which stays owned and unwiped by the caller). */
  public PinVerdict check(Pin pin, PinContext context) {
    if (pin.length() != LENGTH) {
      return new PinVerdict(List.of(WeakPinReason.NOT_SIX_DIGITS));
    }
    int[] d = new int[LENGTH];
    try {
      for (int i = 0; i < LENGTH; i++) {
        d[i] = pin.digitAt(i);
      }
      Set<WeakPinReason> reasons = EnumSet.noneOf(WeakPinReason.class);
      addIf(reasons, WeakPinReason.INITIAL_PIN, equalsAt(d, INITIAL, 0));
      addIf(reasons, WeakPinReason.ALL_SAME, steps(d, 0));
      addIf(reasons, WeakPinReason.ASCENDING, steps(d, 1));
      addIf(reasons, WeakPinReason.DESCENDING, steps(d, 9));
      addIf(reasons, WeakPinReason.REPEATED_PAIRS_OR_TRIPLES, repeatedGroups(d));
      addIf(
          reasons,
          WeakPinReason.BIRTH_DATE,
          equalsAny(d, BirthDateForms.of(BirthDateForms.datesOf(context))));
      addIf(reasons, WeakPinReason.ID_NUMBER_RUN, runOfAny(d, context.idNumbers()));
      addIf(reasons, WeakPinReason.CARD_NUMBER_TAIL, tailOf(d, context.cardNumber()));
      addIf(reasons, WeakPinReason.KNOWN_WEAK, equalsAny(d, KNOWN_WEAK));
      return new PinVerdict(List.copyOf(reasons));
    } finally {
      Arrays.fill(d, 0);
    }
  }

  private static void addIf(Set<WeakPinReason> reasons, WeakPinReason reason, boolean matches) {
    if (matches) {
      reasons.add(reason);
    }
  }

  /** Each digit equals the one before plus {@code step} modulo 10 (0: all same). */
  private static boolean steps(int[] d, int step) {
    for (int i = 1; i < d.length; i++) {
      if (d[i] != (d[i - 1] + step) % 10) {
        return false;
      }
    }
    return true;
  }

  /** aabbcc, ababab, abcabc or aaabbb. */
  private static boolean repeatedGroups(int[] d) {
    boolean doubled = d[0] == d[1] && d[2] == d[3] && d[4] == d[5];
    boolean pairRepeated = d[0] == d[2] && d[2] == d[4] && d[1] == d[3] && d[3] == d[5];
    boolean tripleRepeated = d[0] == d[3] && d[1] == d[4] && d[2] == d[5];
    boolean twoTriples = d[0] == d[1] && d[1] == d[2] && d[3] == d[4] && d[4] == d[5];
    return doubled || pairRepeated || tripleRepeated || twoTriples;
  }

  private static boolean equalsAny(int[] d, Iterable<String> candidates) {
    boolean any = false;
    for (String c : candidates) {
      any |= c.length() == d.length && equalsAt(d, c, 0);
    }
    return any;
  }

  private static boolean runOfAny(int[] d, List<String> numbers) {
    boolean any = false;
    for (String n : numbers) {
      for (int off = 0; off + d.length <= n.length(); off++) {
        any |= equalsAt(d, n, off);
      }
    }
    return any;
  }

  private static boolean tailOf(int[] d, String cardNumber) {
    return cardNumber.length() >= d.length
        && equalsAt(d, cardNumber, cardNumber.length() - d.length);
  }

  /** Whether the digits equal {@code text} from {@code offset}; non-digits never match. */
  private static boolean equalsAt(int[] d, CharSequence text, int offset) {
    int diff = 0;
    for (int i = 0; i < d.length; i++) {
      diff |= text.charAt(offset + i) ^ ('0' + d[i]);
    }
    return diff == 0;
  }
}
