package dev.pindesk.domain.pin;

import dev.pindesk.domain.Pin;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses new PINs that are easy to guess, each rule with its own {@link WeakPinReason}: the
 * region's initial PINs (from the {@link PinPolicyProfile}), patterns of the digits alone ({@link
 * DigitPatterns}), and data about the citizen and the card (birth dates, ID, card, phone and bank
 * account numbers). Every rule compares the PIN's digits (copied into an {@code int[]} that is
 * wiped before returning) with patterns built from non-secret data; the PIN never becomes a {@code
 * String}.
 *
 * <p>Decisions: ascending and descending runs wrap around (890123 and 109876 are refused: on a
 * keypad they are as easy to type as 123456); birth dates are the holder's and those encoded in the
 * ID numbers (the agent's too), in the forms of {@link BirthDateForms}; a card number's tail counts
 * only when its last 6 characters are digits; phone and account numbers count by their digits only.
 * Under 1 % of all 6-digit PINs are refused (0.7 % without any context; see {@code
 * docs/pin-policy.md}).
 */
public final class PinPolicy {
  /** Length of a card PIN. */
  public static final int LENGTH = 6;

  /**
   * PINs seen most often in leaked and surveyed 6-digit sets, plus Chinese number-words and keypad
   * shapes; the rules catch many of them as well. A region's file may add more.
   */
  private static final List<String> KNOWN_WEAK =
      List.of(
          "000000", "888888", "666666", "520520", "521521", "520131", "201314", "131420", "147258",
          "258369", "147369", "159753", "357159", "123321", "654123", "123654", "112233", "121212",
          "123123", "456789", "987654", "789456", "168168", "518518", "741852", "852963", "963852",
          "101010", "110110", "111222", "100200", "102030", "147852", "369258", "654321");

  private final PinPolicyProfile profile;

  /** The built-in policy ({@link PinPolicyProfile#standard()}). */
  public PinPolicy() {
    this(PinPolicyProfile.standard());
  }

  public PinPolicy(PinPolicyProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
  }

  /** The regional data this policy uses. */
  public PinPolicyProfile profile() {
    return profile;
  }

  /** The popular PINs refused as {@link WeakPinReason#KNOWN_WEAK} by every policy. */
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
      return new PinVerdict(List.copyOf(reasons(d, context)));
    } finally {
      Arrays.fill(d, 0);
    }
  }

  private Set<WeakPinReason> reasons(int[] d, PinContext context) {
    Set<WeakPinReason> reasons = EnumSet.noneOf(WeakPinReason.class);
    addIf(reasons, WeakPinReason.INITIAL_PIN, initialPin(d, context));
    addIf(reasons, WeakPinReason.ALL_SAME, DigitPatterns.fewestMismatches(d, 0) == 0);
    addIf(reasons, WeakPinReason.ASCENDING, DigitPatterns.fewestMismatches(d, 1) == 0);
    addIf(reasons, WeakPinReason.DESCENDING, DigitPatterns.fewestMismatches(d, 9) == 0);
    addIf(reasons, WeakPinReason.REPEATED_PAIRS_OR_TRIPLES, DigitPatterns.repeatedGroups(d));
    addIf(reasons, WeakPinReason.FIVE_EQUAL, DigitPatterns.fewestMismatches(d, 0) == 1);
    addIf(
        reasons,
        WeakPinReason.STEP_OF_TWO,
        DigitPatterns.fewestMismatches(d, 2) <= 1 || DigitPatterns.fewestMismatches(d, 8) <= 1);
    addIf(reasons, WeakPinReason.PALINDROME, DigitPatterns.palindrome(d));
    addIf(
        reasons,
        WeakPinReason.NEAR_RUN,
        DigitPatterns.fewestMismatches(d, 1) == 1 || DigitPatterns.fewestMismatches(d, 9) == 1);
    addIf(reasons, WeakPinReason.KEYPAD_PATTERN, DigitPatterns.keypad(d));
    addIf(
        reasons,
        WeakPinReason.BIRTH_DATE,
        DigitPatterns.equalsAny(d, BirthDateForms.of(BirthDateForms.datesOf(context))));
    addIf(reasons, WeakPinReason.ID_NUMBER_TAIL, idTailOfAny(d, context.idNumbers()));
    addIf(reasons, WeakPinReason.ID_NUMBER_RUN, runOfAny(d, context.idNumbers()));
    addIf(reasons, WeakPinReason.CARD_NUMBER_TAIL, tailOf(d, context.cardNumber()));
    addIf(
        reasons,
        WeakPinReason.PHONE_NUMBER,
        runOfAny(d, context.phoneNumber().map(PinPolicy::digitsOf).stream().toList()));
    addIf(
        reasons,
        WeakPinReason.BANK_ACCOUNT_TAIL,
        tailOf(d, context.bankAccount().map(PinPolicy::digitsOf)));
    addIf(reasons, WeakPinReason.LOVE_OR_LUCKY_NUMBER, DigitPatterns.loveOrLucky(d));
    addIf(reasons, WeakPinReason.FAMOUS_NUMBER, DigitPatterns.equalsAny(d, DigitPatterns.FAMOUS));
    addIf(
        reasons,
        WeakPinReason.KNOWN_WEAK,
        DigitPatterns.equalsAny(d, KNOWN_WEAK) || DigitPatterns.equalsAny(d, profile.knownWeak()));
    return reasons;
  }

  private static void addIf(Set<WeakPinReason> reasons, WeakPinReason reason, boolean matches) {
    if (matches) {
      reasons.add(reason);
    }
  }

  /** One of the region's initial PINs, the tokens read from the holder's ID and card numbers. */
  private boolean initialPin(int[] d, PinContext context) {
    boolean any = false;
    for (String initial : profile.initialPinsFor(context.region())) {
      if (initial.equals(PinPolicyProfile.ID_LAST6)) {
        any |= idTailOfAny(d, context.holderIdNumber().stream().toList());
      } else if (initial.equals(PinPolicyProfile.CARD_LAST6)) {
        any |= tailOf(d, context.cardNumber());
      } else {
        any |= DigitPatterns.equalsAt(d, 0, initial, 0, LENGTH);
      }
    }
    return any;
  }

  private static boolean runOfAny(int[] d, List<String> numbers) {
    boolean any = false;
    for (String n : numbers) {
      for (int off = 0; off + d.length <= n.length(); off++) {
        any |= DigitPatterns.equalsAt(d, 0, n, off, d.length);
      }
    }
    return any;
  }

  /** The last 6 characters of an ID number, its check character X read as 0. */
  private static boolean idTailOfAny(int[] d, List<String> idNumbers) {
    boolean any = false;
    for (String id : idNumbers) {
      if (id.length() >= d.length) {
        String tail = id.substring(id.length() - d.length);
        any |= DigitPatterns.equalsAt(d, 0, tail.replace('X', '0').replace('x', '0'), 0, d.length);
      }
    }
    return any;
  }

  private static boolean tailOf(int[] d, Optional<String> number) {
    return number.isPresent()
        && number.get().length() >= d.length
        && DigitPatterns.equalsAt(d, 0, number.get(), number.get().length() - d.length, d.length);
  }

  /** The digits of a number as typed: spaces, dashes and a leading + are dropped. */
  private static String digitsOf(String number) {
    StringBuilder digits = new StringBuilder(number.length());
    number.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
    return digits.toString();
  }
}
