package dev.pindesk.domain.card;

import java.time.LocalDate;
import java.util.Map;

/**
 * Card information (EF05). STUB signatures — completed by the domain work package.
 *
 * @param cardIdCode card identification code, 16 characters; the first 6 are the issuing region
 * @param cardType card type as stored (1 character)
 * @param specVersion specification version as stored, e.g. {@code "3.00"}
 * @param issuerOrg initialising organisation code (12 characters)
 * @param issueDate issue date
 * @param expiryDate expiry date
 * @param cardNumber card number (9 characters)
 */
public record CardInfo(
    String cardIdCode,
    String cardType,
    String specVersion,
    String issuerOrg,
    LocalDate issueDate,
    LocalDate expiryDate,
    String cardNumber) {

  /**
   * Decodes the values of EF05 keyed by tag ({@link SscElement#tag()}).
   *
   * @throws IllegalArgumentException naming the element when a value is missing or malformed
   */
  public static CardInfo decode(Map<Integer, byte[]> valuesByTag) {
    throw new UnsupportedOperationException("stub");
  }

  /** Values keyed by tag, each exactly {@link SscElement#length()} bytes, as a card stores them. */
  public Map<Integer, byte[]> encode() {
    throw new UnsupportedOperationException("stub");
  }
}
