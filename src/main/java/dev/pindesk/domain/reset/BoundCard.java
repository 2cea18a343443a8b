package dev.pindesk.domain.reset;

import dev.pindesk.domain.id.Mask;
import java.util.Objects;

/**
 * The card a case is bound to: its identification code and SSN. A card re-read before writing must
 * show both again, otherwise a different card was put in the reader.
 *
 * @param cardIdCode card identification code (EF05 tag 01)
 * @param ssn social security number (EF06 tag 08), personal data
 */
public record BoundCard(String cardIdCode, String ssn) {
  public BoundCard {
    Objects.requireNonNull(cardIdCode, "cardIdCode");
    Objects.requireNonNull(ssn, "ssn");
  }

  /** Whether {@code other} is the same card. */
  public boolean sameCardAs(BoundCard other) {
    return cardIdCode.equals(other.cardIdCode) && ssn.equals(other.ssn);
  }

  @Override
  public String toString() {
    return "BoundCard[" + cardIdCode + ", " + Mask.idNumber(ssn) + "]";
  }
}
