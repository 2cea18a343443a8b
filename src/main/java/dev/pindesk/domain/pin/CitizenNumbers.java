package dev.pindesk.domain.pin;

import java.util.Objects;
import java.util.Optional;

/**
 * Numbers of the citizen the clerk may type at the ID step so the PIN policy can refuse their
 * digits: the phone number and the bank account (of the card's financial application or any other).
 * Never journaled or printed; forgotten with the case. {@link #toString()} masks both.
 *
 * @param phone the phone number as typed, if any
 * @param bankAccount the bank account number as typed, if any
 */
public record CitizenNumbers(Optional<String> phone, Optional<String> bankAccount) {
  /** Nothing typed. */
  public static final CitizenNumbers NONE = new CitizenNumbers(Optional.empty(), Optional.empty());

  public CitizenNumbers {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(bankAccount, "bankAccount");
  }

  /** From the fields as typed: blank fields are absent. */
  public static CitizenNumbers typed(String phone, String bankAccount) {
    return new CitizenNumbers(present(phone), present(bankAccount));
  }

  private static Optional<String> present(String typed) {
    return Optional.ofNullable(typed).map(String::strip).filter(s -> !s.isEmpty());
  }

  /** {@code context} with these numbers added. */
  public PinContext addTo(PinContext context) {
    PinContext withPhone = phone.map(context::withPhone).orElse(context);
    return bankAccount.map(withPhone::withBankAccount).orElse(withPhone);
  }

  /** Says only which numbers were typed: their digits are what the policy guards. */
  @Override
  public String toString() {
    return "CitizenNumbers[phone="
        + (phone.isPresent() ? "typed" : "-")
        + ", bankAccount="
        + (bankAccount.isPresent() ? "typed" : "-")
        + "]";
  }
}
