package dev.pindesk.domain.reset;

/**
 * The card's PIN state as binding needs it (the card layer's {@code PinState} in domain terms).
 *
 * @param kind the state
 * @param triesLeft tries left for {@link Kind#TRIES_LEFT}, else -1
 */
public record CardPinStatus(Kind kind, int triesLeft) {
  public static final CardPinStatus UNKNOWN = new CardPinStatus(Kind.UNKNOWN, -1);
  public static final CardPinStatus BLOCKED = new CardPinStatus(Kind.BLOCKED, -1);
  public static final CardPinStatus APPLICATION_LOCKED =
      new CardPinStatus(Kind.APPLICATION_LOCKED, -1);

  /** What the card said without a PIN being tried. */
  public enum Kind {
    TRIES_LEFT,
    BLOCKED,
    APPLICATION_LOCKED,
    /** The profile forbids asking, or the card did not say. */
    UNKNOWN
  }

  public static CardPinStatus triesLeft(int tries) {
    return new CardPinStatus(Kind.TRIES_LEFT, tries);
  }
}
