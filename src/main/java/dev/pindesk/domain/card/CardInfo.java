package dev.pindesk.domain.card;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Card information (EF05).
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

  public CardInfo {
    Objects.requireNonNull(cardIdCode, "cardIdCode");
    Objects.requireNonNull(cardType, "cardType");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(issuerOrg, "issuerOrg");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(expiryDate, "expiryDate");
    Objects.requireNonNull(cardNumber, "cardNumber");
  }

  /**
   * Decodes the values of EF05 keyed by tag ({@link SscElement#tag()}). Text may be shorter or
   * longer than its nominal length (regional cards differ) and padded with 0x00 or 0x20; dates must
   * be exactly 4 BCD bytes. Unknown tags are ignored.
   *
   * @throws IllegalArgumentException naming the element when a value is missing or malformed
   */
  public static CardInfo decode(Map<Integer, byte[]> valuesByTag) {
    return new CardInfo(
        ElementValues.ascii(valuesByTag, SscElement.CARD_ID_CODE),
        ElementValues.ascii(valuesByTag, SscElement.CARD_TYPE),
        ElementValues.ascii(valuesByTag, SscElement.SPEC_VERSION),
        ElementValues.ascii(valuesByTag, SscElement.ISSUER_ORG),
        ElementValues.date(valuesByTag, SscElement.ISSUE_DATE),
        ElementValues.date(valuesByTag, SscElement.EXPIRY_DATE),
        ElementValues.ascii(valuesByTag, SscElement.CARD_NUMBER));
  }

  /**
   * Values keyed by tag (in tag order), each exactly {@link SscElement#length()} bytes, as a card
   * stores them: text padded with 0x00.
   *
   * @throws IllegalArgumentException naming the element when a value does not fit its length
   */
  public Map<Integer, byte[]> encode() {
    Map<Integer, byte[]> out = new LinkedHashMap<>();
    out.put(
        SscElement.CARD_ID_CODE.tag(),
        ElementValues.asciiValue(SscElement.CARD_ID_CODE, cardIdCode));
    out.put(SscElement.CARD_TYPE.tag(), ElementValues.asciiValue(SscElement.CARD_TYPE, cardType));
    out.put(
        SscElement.SPEC_VERSION.tag(),
        ElementValues.asciiValue(SscElement.SPEC_VERSION, specVersion));
    out.put(
        SscElement.ISSUER_ORG.tag(), ElementValues.asciiValue(SscElement.ISSUER_ORG, issuerOrg));
    out.put(SscElement.ISSUE_DATE.tag(), BcdDate.encode(issueDate));
    out.put(SscElement.EXPIRY_DATE.tag(), BcdDate.encode(expiryDate));
    out.put(
        SscElement.CARD_NUMBER.tag(), ElementValues.asciiValue(SscElement.CARD_NUMBER, cardNumber));
    return Collections.unmodifiableMap(out);
  }

  /** The issuing region: the first 6 characters of the card identification code. */
  public String regionCode() {
    return cardIdCode.substring(0, Math.min(6, cardIdCode.length()));
  }

  /** Expired when {@code today} is after the expiry date (the card is valid on that day). */
  public boolean isExpired(LocalDate today) {
    return today.isAfter(expiryDate);
  }

  /** The generation from {@link #specVersion()}, empty for an unknown version. */
  public Optional<CardGeneration> generation() {
    return CardGeneration.fromSpecVersion(specVersion);
  }
}
