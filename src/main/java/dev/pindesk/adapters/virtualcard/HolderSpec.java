package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.CardInfoSpec.date;
import static dev.pindesk.adapters.virtualcard.CardInfoSpec.require;

import dev.pindesk.domain.card.CardHolder;

/**
 * Holder information (EF06) of a virtual card profile, as written in JSON. The name is Unicode; the
 * card stores it in GB18030 (with the name extension when it needs more than 30 bytes).
 */
public record HolderSpec(
    String ssn, String name, String sex, String ethnicity, String birthplace, String birthDate) {

  public HolderSpec {
    require(ssn, "ssn");
    require(name, "name");
    require(sex, "sex");
    require(ethnicity, "ethnicity");
    require(birthplace, "birthplace");
    date(birthDate, "birthDate");
  }

  /** The domain value this profile describes. */
  public CardHolder toCardHolder() {
    return new CardHolder(ssn, name, sex, ethnicity, birthplace, date(birthDate, "birthDate"));
  }
}
