package dev.pindesk.domain.pin;

import dev.pindesk.domain.id.Mask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the policy knows about the people and the card, to refuse PINs guessable from them. Personal
 * data: {@link #toString()} masks the numbers and hides the birth date.
 *
 * @param holderBirthDate the holder's birth date (from the card or the ID)
 * @param holderIdNumber the holder's ID number (18 characters; shorter old numbers also work)
 * @param cardNumber the card number (EF05 tag 07); its tail counts only where it is digits
 * @param agentIdNumbers the agent's ID number when an agent acts for the holder, else empty
 */
public record PinContext(
    LocalDate holderBirthDate,
    String holderIdNumber,
    String cardNumber,
    List<String> agentIdNumbers) {

  public PinContext {
    Objects.requireNonNull(holderBirthDate, "holderBirthDate");
    Objects.requireNonNull(holderIdNumber, "holderIdNumber");
    Objects.requireNonNull(cardNumber, "cardNumber");
    agentIdNumbers = List.copyOf(agentIdNumbers);
  }

  /** The holder acts in person. */
  public static PinContext forHolder(
      LocalDate holderBirthDate, String holderIdNumber, String cardNumber) {
    return new PinContext(holderBirthDate, holderIdNumber, cardNumber, List.of());
  }

  /** The same context with an agent's ID number added. */
  public PinContext withAgent(String agentIdNumber) {
    List<String> agents = new ArrayList<>(agentIdNumbers);
    agents.add(Objects.requireNonNull(agentIdNumber));
    return new PinContext(holderBirthDate, holderIdNumber, cardNumber, agents);
  }

  /** Every ID number whose runs are refused: the holder's first. */
  List<String> idNumbers() {
    List<String> all = new ArrayList<>();
    all.add(holderIdNumber);
    all.addAll(agentIdNumbers);
    return all;
  }

  @Override
  public String toString() {
    return "PinContext[holder="
        + Mask.idNumber(holderIdNumber)
        + ", agents="
        + agentIdNumbers.stream().map(Mask::idNumber).toList()
        + ", card="
        + Mask.idNumber(cardNumber)
        + ", birthDate=****]";
  }
}
