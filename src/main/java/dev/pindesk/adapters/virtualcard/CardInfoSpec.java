package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.card.CardInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Card information (EF05) of a virtual card profile, as written in JSON: dates as ISO strings so
 * profiles stay readable and need no date module; the card identification code as the 32 hex digits
 * of its 16 bytes; {@code cardType} and {@code issuerOrg} may be left out (or null) for a card that
 * does not carry them (it then answers {@code 6A 83} for them).
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
    require(specVersion, "specVersion");
    require(cardNumber, "cardNumber");
    if (!cardIdCode.matches("[0-9A-F]{32}")) {
      throw new IllegalArgumentException(
          "cardIdCode must be 32 upper-case hex digits (16 bytes), e.g."
              + " 330100D156000005011BA293AA4B9E55");
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
        Optional.ofNullable(cardType),
        specVersion,
        Optional.ofNullable(issuerOrg),
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
