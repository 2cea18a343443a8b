package dev.pindesk.card;

import java.util.OptionalInt;

/**
 * What the card says about its PIN without a PIN being tried.
 *
 * @param kind the state
 * @param triesLeft tries left when {@code kind} is {@link Kind#TRIES_LEFT}, else -1
 */
public record PinState(Kind kind, int triesLeft) {
  public static final PinState UNKNOWN = new PinState(Kind.UNKNOWN, -1);
  public static final PinState BLOCKED = new PinState(Kind.BLOCKED, -1);
  public static final PinState LOCKED = new PinState(Kind.APPLICATION_LOCKED, -1);

  /** PIN state as far as PinDesk could learn it. */
  public enum Kind {
    TRIES_LEFT,
    BLOCKED,
    APPLICATION_LOCKED,
    /** The profile forbids the retry check, or the card did not say. */
    UNKNOWN
  }

  public static PinState triesLeft(int tries) {
    return new PinState(Kind.TRIES_LEFT, tries);
  }

  /** Tries left when known; a blocked PIN has 0. */
  public OptionalInt knownTriesLeft() {
    return switch (kind) {
      case TRIES_LEFT -> OptionalInt.of(triesLeft);
      case BLOCKED, APPLICATION_LOCKED -> OptionalInt.of(0);
      case UNKNOWN -> OptionalInt.empty();
    };
  }
}
