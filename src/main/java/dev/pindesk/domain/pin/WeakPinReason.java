package dev.pindesk.domain.pin;

import java.util.Locale;

/**
 * Why a new PIN is refused, in terms the citizen understands. Declared from the most specific to
 * the most general, so the first reason of a verdict is the one worth saying aloud. {@link
 * #wireKey()} is stable: the CLI prints it, scripts and the message bundles use it.
 */
public enum WeakPinReason {
  /** The card PIN is exactly 6 digits. */
  NOT_SIX_DIGITS,
  /** An initial PIN of the region (123456 everywhere; others from the policy file). */
  INITIAL_PIN,
  /** One digit six times (111111). */
  ALL_SAME,
  /** Each digit one more than the one before, wrapping 9 to 0 (123456, 012345, 890123). */
  ASCENDING,
  /** Each digit one less than the one before, wrapping 0 to 9 (654321, 210987). */
  DESCENDING,
  /** Doubled digits (112233), a repeated pair (121212) or triple (123123), two triples (111222). */
  REPEATED_PAIRS_OR_TRIPLES,
  /** Five of the six digits the same (111112, 101111). */
  FIVE_EQUAL,
  /** Digits stepping by two, or one digit off such a step (246802, 864208, 135790). */
  STEP_OF_TWO,
  /** Reads the same backwards (321123, 180081). */
  PALINDROME,
  /** One digit off an ascending or descending run (123457, 124456, 654320). */
  NEAR_RUN,
  /** Two straight lines of keys on a PIN pad, or a walk up and down its middle column. */
  KEYPAD_PATTERN,
  /** The holder's (or agent's) birth date in any day-month-year order. */
  BIRTH_DATE,
  /** The last 6 characters of the holder's or the agent's ID number, a final X read as 0. */
  ID_NUMBER_TAIL,
  /** Six consecutive digits of the holder's or the agent's ID number. */
  ID_NUMBER_RUN,
  /** The last 6 digits of the card number. */
  CARD_NUMBER_TAIL,
  /** Six consecutive digits of the citizen's phone number (its tail most of all). */
  PHONE_NUMBER,
  /** The last 6 digits of the citizen's bank account number. */
  BANK_ACCOUNT_TAIL,
  /** "Love" and lucky numbers: 520, 1314, 168 and PINs made only of 6, 8 and 9. */
  LOVE_OR_LUCKY_NUMBER,
  /** Famous digit strings: pi, e, 142857, the Fibonacci numbers. */
  FAMOUS_NUMBER,
  /** On the list of PINs people choose most, or on the region's own list. */
  KNOWN_WEAK;

  /** Stable key of the rule: the lower-case name ({@code keypad_pattern}). */
  public String wireKey() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Stable key of the message shown to the citizen: {@code pin.weak.<wire key>}. */
  public String messageKey() {
    return "pin.weak." + wireKey();
  }
}
