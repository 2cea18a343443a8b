package dev.pindesk.ports;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The basic data of a card as the national read/write interface's {@code iReadCardBas} prints it:
 * {@code region|SSN|card number|card identification code|name|card reset information|version|issue
 * date|expiry date|terminal number|terminal device number|}. Less than a PC/SC read: the interface
 * does not give card type, issuer organisation, sex, ethnicity, birthplace or birth date.
 *
 * @param region issuing region (the first six digits of the card identification code)
 * @param ssn social security number
 * @param cardNumber card number
 * @param cardIdCode card identification code, 32 upper-case hex digits
 * @param name holder's name
 * @param resetInfo card reset information (the ATR's historical bytes, as the interface gives them)
 * @param specVersion specification version, e.g. "3.00"
 * @param issueDate issue date
 * @param expiryDate expiry date
 * @param terminal terminal number the library reports
 * @param device terminal device number the library reports
 */
public record NationalCardData(
    String region,
    String ssn,
    String cardNumber,
    String cardIdCode,
    String name,
    byte[] resetInfo,
    String specVersion,
    LocalDate issueDate,
    LocalDate expiryDate,
    String terminal,
    String device) {

  public NationalCardData {
    Objects.requireNonNull(cardIdCode, "cardIdCode");
    Objects.requireNonNull(cardNumber, "cardNumber");
    resetInfo = Objects.requireNonNull(resetInfo, "resetInfo").clone();
  }

  @Override
  public byte[] resetInfo() {
    return resetInfo.clone();
  }

  /** Identifiers only by length: a card's data stays out of logs. */
  @Override
  public String toString() {
    return "NationalCardData[version " + specVersion + ", id code of " + cardIdCode.length() + "]";
  }
}
