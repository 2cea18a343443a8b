package dev.pindesk.domain.pin;

import dev.pindesk.domain.id.Mask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy knows about the people and the card, to refuse PINs guessable from them. Every
 * part but the agents is optional (the administrators' {@code pin-policy check} may know nothing);
 * absent parts are empty, never null. Personal data: {@link #toString()} masks the numbers and
 * hides the birth date.
 *
 * @param holderBirthDate the holder's birth date (from the card or the ID)
 * @param holderIdNumber the holder's ID number (18 characters; shorter old numbers also work)
 * @param cardNumber the card number (EF05 tag 07); its tail counts only where it is digits
 * @param agentIdNumbers the agent's ID number when an agent acts for the holder, else empty
 * @param phoneNumber the citizen's phone number as the clerk typed it (only its digits count)
 * @param bankAccount the citizen's bank account number (only its digits count)
 * @param region the issuing region (6 digits of the card identification code, else the ID's first
 *     6), which chooses the region's initial PINs in the {@link PinPolicyProfile}
 */
public record PinContext(
    Optional<LocalDate> holderBirthDate,
    Optional<String> holderIdNumber,
    Optional<String> cardNumber,
    List<String> agentIdNumbers,
    Optional<String> phoneNumber,
    Optional<String> bankAccount,
    Optional<String> region) {

  /** Nothing known: only the rules on the digits alone apply. */
  public static final PinContext NONE =
      new PinContext(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public PinContext {
    Objects.requireNonNull(holderBirthDate, "holderBirthDate");
    Objects.requireNonNull(holderIdNumber, "holderIdNumber");
    Objects.requireNonNull(cardNumber, "cardNumber");
    Objects.requireNonNull(phoneNumber, "phoneNumber");
    Objects.requireNonNull(bankAccount, "bankAccount");
    Objects.requireNonNull(region, "region");
    agentIdNumbers = List.copyOf(agentIdNumbers);
  }

  /** The holder acts in person. */
  public static PinContext forHolder(
      LocalDate holderBirthDate, String holderIdNumber, String cardNumber) {
    return NONE.withBirthDate(holderBirthDate)
        .withHolderIdNumber(holderIdNumber)
        .withCardNumber(cardNumber);
  }

  /** The same context with the holder's birth date. */
  public PinContext withBirthDate(LocalDate date) {
    return new PinContext(
        Optional.of(date),
        holderIdNumber,
        cardNumber,
        agentIdNumbers,
        phoneNumber,
        bankAccount,
        region);
  }

  /** The same context with the holder's ID number. */
  public PinContext withHolderIdNumber(String idNumber) {
    return new PinContext(
        holderBirthDate,
        Optional.of(idNumber),
        cardNumber,
        agentIdNumbers,
        phoneNumber,
        bankAccount,
        region);
  }

  /** The same context with the card number. */
  public PinContext withCardNumber(String number) {
    return new PinContext(
        holderBirthDate,
        holderIdNumber,
        Optional.of(number),
        agentIdNumbers,
        phoneNumber,
        bankAccount,
        region);
  }

  /** The same context with an agent's ID number added. */
  public PinContext withAgent(String agentIdNumber) {
    List<String> agents = new ArrayList<>(agentIdNumbers);
    agents.add(Objects.requireNonNull(agentIdNumber));
    return new PinContext(
        holderBirthDate, holderIdNumber, cardNumber, agents, phoneNumber, bankAccount, region);
  }

  /** The same context with the citizen's phone number. */
  public PinContext withPhone(String number) {
    return new PinContext(
        holderBirthDate,
        holderIdNumber,
        cardNumber,
        agentIdNumbers,
        Optional.of(number),
        bankAccount,
        region);
  }

  /** The same context with the citizen's bank account number. */
  public PinContext withBankAccount(String number) {
    return new PinContext(
        holderBirthDate,
        holderIdNumber,
        cardNumber,
        agentIdNumbers,
        phoneNumber,
        Optional.of(number),
        region);
  }

  /** The same context with the issuing region. */
  public PinContext withRegion(String code) {
    return new PinContext(
        holderBirthDate,
        holderIdNumber,
        cardNumber,
        agentIdNumbers,
        phoneNumber,
        bankAccount,
        Optional.of(code));
  }

  /** Every ID number whose runs are refused: the holder's first. */
  List<String> idNumbers() {
    List<String> all = new ArrayList<>();
    holderIdNumber.ifPresent(all::add);
    all.addAll(agentIdNumbers);
    return all;
  }

  @Override
  public String toString() {
    return "PinContext[holder="
        + holderIdNumber.map(Mask::idNumber).orElse("-")
        + ", agents="
        + agentIdNumbers.stream().map(Mask::idNumber).toList()
        + ", card="
        + cardNumber.map(Mask::idNumber).orElse("-")
        + ", phone="
        + (phoneNumber.isPresent() ? "****" : "-")
        + ", account="
        + (bankAccount.isPresent() ? "****" : "-")
        + ", region="
        + region.orElse("-")
        + ", birthDate="
        + (holderBirthDate.isPresent() ? "****" : "-")
        + "]";
  }
}
