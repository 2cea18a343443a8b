package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.card.CardInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

/**
 * Card information (EF05) of a virtual card profile, as written in JSON: dates as ISO strings so
 * profiles stay readable and need no date module.
 */
public record CardInfoSpec(
    String cardIdCode,
    String cardType,
    String specVersion,
    String issuerOrg,
    String issueDate,
    String expiryDate,
    String cardNumber) {

  private static final Set<String> VERSIONS = Set.of("1.00", "2.00", "3.00");

  public CardInfoSpec {
    require(cardIdCode, "cardIdCode");
    require(cardType, "cardType");
    require(specVersion, "specVersion");
    require(issuerOrg, "issuerOrg");
    require(cardNumber, "cardNumber");
    if (cardIdCode.length() != 16) {
      throw new IllegalArgumentException("cardIdCode must have 16 characters");
    }
    if (!VERSIONS.contains(specVersion)) {
      throw new IllegalArgumentException("specVersion must be one of " + VERSIONS);
    }
    date(issueDate, "issueDate");
    date(expiryDate, "expiryDate");
  }

  /** The domain value this profile describes. */
  public CardInfo toCardInfo() {
    return new CardInfo(
        cardIdCode,
        cardType,
        specVersion,
        issuerOrg,
        date(issueDate, "issueDate"),
        date(expiryDate, "expiryDate"),
        cardNumber);
  }

  static void require(Object value, String name) {
    Objects.requireNonNull(value, () -> name + " is missing");
  }

  static LocalDate date(String value, String name) {
    require(value, name);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is not an ISO date (YYYY-MM-DD)", e);
    }
  }
}
