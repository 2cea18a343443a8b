package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.CardInfoSpec.date;
import static dev.pindesk.adapters.virtualcard.CardInfoSpec.require;

import dev.pindesk.domain.card.CardHolder;
import java.util.Optional;

/**
 * Holder information (EF06) of a virtual card profile, as written in JSON. The name is Unicode; the
 * card stores it in GB18030 (with the name extension when it needs more than 30 bytes). {@code
 * ethnicity} (two digits, stored as one BCD byte) and {@code birthplace} may be left out (or null)
 * for a card that does not carry them.
 */
public record HolderSpec(
    String ssn, String name, String sex, String ethnicity, String birthplace, String birthDate) {

  public HolderSpec {
    require(ssn, "ssn");
    require(name, "name");
    require(sex, "sex");
    date(birthDate, "birthDate");
  }

  /** The domain value this profile describes. */
  public CardHolder toCardHolder() {
    return new CardHolder(
        ssn,
        name,
        sex,
        Optional.ofNullable(ethnicity),
        Optional.ofNullable(birthplace),
        date(birthDate, "birthDate"));
  }
}
