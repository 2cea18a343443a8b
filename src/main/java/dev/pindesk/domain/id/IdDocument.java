package dev.pindesk.domain.id;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A resident ID card (or residence permit) as the clerk checked it. Personal data: {@link
 * #toString()} masks the number and the name.
 *
 * @param id the checked number
 * @param validUntil last day of validity; {@link LocalDate#MAX} for a long-term (长期) card
 * @param name the name printed on (or read from) the ID
 */
public record IdDocument(CitizenId id, LocalDate validUntil, String name) {

  public IdDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(name, "name");
  }

  /** Expired when {@code today} is after the last day of validity. */
  public boolean isExpired(LocalDate today) {
    return today.isAfter(validUntil);
  }

  @Override
  public String toString() {
    return "IdDocument[" + id.masked() + ", " + Mask.name(name) + "]";
  }
}
