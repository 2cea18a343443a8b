package dev.pindesk.domain.audit;

import dev.pindesk.domain.id.Mask;
import java.util.Objects;

/**
 * A card holder or agent as recorded in the journal: full ID number and name (which only ever leave
 * the process inside a sealed entry) and their masked forms. {@code toString()} is masked.
 */
public record Person(String idNumber, String name) {
  public Person {
    Objects.requireNonNull(idNumber, "idNumber");
    Objects.requireNonNull(name, "name");
  }

  public String maskedIdNumber() {
    return Mask.idNumber(idNumber);
  }

  public String maskedName() {
    return Mask.name(name);
  }

  @Override
  public String toString() {
    return "Person[" + maskedIdNumber() + ", " + maskedName() + "]";
  }
}
