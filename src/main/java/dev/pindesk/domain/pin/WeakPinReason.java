package dev.pindesk.domain.pin;

import java.util.Locale;

/**
 * Why a new PIN is refused, in terms the citizen understands. Declared from the most specific to
 * the most general, so the first reason of a verdict is the one worth saying aloud.
 */
public enum WeakPinReason {
  /** The card PIN is exactly 6 digits. */
  NOT_SIX_DIGITS,
  /** 123456, the issuing PIN; drivers refuse to set it back. */
  INITIAL_PIN,
  /** One digit six times (111111). */
  ALL_SAME,
  /** Each digit one more than the one before, wrapping 9 to 0 (123456, 012345, 890123). */
  ASCENDING,
  /** Each digit one less than the one before, wrapping 0 to 9 (654321, 210987). */
  DESCENDING,
  /** Doubled digits (112233), a repeated pair (121212) or triple (123123), two triples (111222). */
  REPEATED_PAIRS_OR_TRIPLES,
  /** The holder's (or agent's) birth date in a common 6-digit form. */
  BIRTH_DATE,
  /** Six consecutive digits of the holder's or the agent's ID number. */
  ID_NUMBER_RUN,
  /** The last 6 digits of the card number. */
  CARD_NUMBER_TAIL,
  /** On the short list of PINs people choose most (888888, 520520, 147258, ...). */
  KNOWN_WEAK;

  /** Stable key of the message shown to the citizen: {@code pin.weak.<lowercase name>}. */
  public String messageKey() {
    return "pin.weak." + name().toLowerCase(Locale.ROOT);
  }
}
