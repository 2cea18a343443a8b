package dev.pindesk.domain.id;

import java.util.Optional;

/** Sex as GB 11643 encodes it (parity of the 17th digit) and the SSC stores it (tag 0A). */
public enum Sex {
  MALE("1"),
  FEMALE("2");

  private final String cardCode;

  Sex(String cardCode) {
    this.cardCode = cardCode;
  }

  /** The code the social security card stores: {@code "1"} male, {@code "2"} female. */
  public String cardCode() {
    return cardCode;
  }

  /** The sex for a card code, empty for anything else (cards may store other codes). */
  public static Optional<Sex> fromCardCode(String code) {
    for (Sex s : values()) {
      if (s.cardCode.equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
