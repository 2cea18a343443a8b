package dev.pindesk.domain.card;

import dev.pindesk.domain.codec.Hex;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Card information (EF05).
 *
 * @param cardIdCode card identification code: 16 binary bytes as 32 upper-case hex digits, e.g.
 *     {@code 330100D156000005011BA293AA4B9E55}; the first 6 digits are the issuing region
 * @param cardType card type as stored (1 character), absent on cards without tag 02
 * @param specVersion specification version as stored, e.g. {@code "3.00"}
 * @param issuerOrg initialising organisation code: the text when the card stores printable ASCII,
 *     else its bytes as upper-case hex; absent on cards without tag 04
 * @param issueDate issue date
 * @param expiryDate expiry date
 * @param cardNumber card number (9 characters)
 */
public record CardInfo(
    String cardIdCode,
    Optional<String> cardType,
    String specVersion,
    Optional<String> issuerOrg,
    LocalDate issueDate,
    LocalDate expiryDate,
    String cardNumber) {

  private static final Pattern CARD_ID_CODE = Pattern.compile("[0-9A-F]{32}");
  private static final Pattern HEX_ISSUER = Pattern.compile("[0-9A-F]{24}");

  public CardInfo {
    Objects.requireNonNull(cardIdCode, "cardIdCode");
    Objects.requireNonNull(cardType, "cardType");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(issuerOrg, "issuerOrg");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(expiryDate, "expiryDate");
    Objects.requireNonNull(cardNumber, "cardNumber");
    if (!CARD_ID_CODE.matcher(cardIdCode).matches()) {
      throw new IllegalArgumentException("cardIdCode must be 32 upper-case hex digits");
    }
  }

  /**
   * Decodes the values of EF05 keyed by tag ({@link SscElement#tag()}). Text may be shorter or
   * longer than its nominal length (regional cards differ) and padded with 0x00 or 0x20; the card
   * identification code must be exactly 16 bytes and dates exactly 4 BCD bytes. Optional elements
   * (card type, issuer organisation) may be missing or only filler. Unknown tags are ignored.
   *
   * @throws ElementDecodingException naming the element when a mandatory value is missing or any
   *     value is malformed
   */
  public static CardInfo decode(Map<Integer, byte[]> valuesByTag) {
    return new CardInfo(
        ElementValues.hex(valuesByTag, SscElement.CARD_ID_CODE),
        ElementValues.optionalAscii(valuesByTag, SscElement.CARD_TYPE),
        ElementValues.ascii(valuesByTag, SscElement.SPEC_VERSION),
        ElementValues.textOrHex(valuesByTag, SscElement.ISSUER_ORG),
        ElementValues.date(valuesByTag, SscElement.ISSUE_DATE),
        ElementValues.date(valuesByTag, SscElement.EXPIRY_DATE),
        ElementValues.ascii(valuesByTag, SscElement.CARD_NUMBER));
  }

  /**
   * Values keyed by tag (in tag order) as a card stores them: the identification code as 16 bytes,
   * text padded with 0x00 to its nominal length, an issuer organisation of 24 hex digits as 12
   * binary bytes. Absent optional elements are not in the map.
   *
   * @throws IllegalArgumentException naming the element when a value does not fit its length
   */
  public Map<Integer, byte[]> encode() {
    Map<Integer, byte[]> out = new LinkedHashMap<>();
    out.put(SscElement.CARD_ID_CODE.tag(), Hex.parse(cardIdCode));
    cardType.ifPresent(
        t ->
            out.put(SscElement.CARD_TYPE.tag(), ElementValues.asciiValue(SscElement.CARD_TYPE, t)));
    out.put(
        SscElement.SPEC_VERSION.tag(),
        ElementValues.asciiValue(SscElement.SPEC_VERSION, specVersion));
    issuerOrg.ifPresent(
        o ->
            out.put(
                SscElement.ISSUER_ORG.tag(),
                HEX_ISSUER.matcher(o).matches()
                    ? Hex.parse(o)
                    : ElementValues.asciiValue(SscElement.ISSUER_ORG, o)));
    out.put(SscElement.ISSUE_DATE.tag(), BcdDate.encode(issueDate));
    out.put(SscElement.EXPIRY_DATE.tag(), BcdDate.encode(expiryDate));
    out.put(
        SscElement.CARD_NUMBER.tag(), ElementValues.asciiValue(SscElement.CARD_NUMBER, cardNumber));
    return Collections.unmodifiableMap(out);
  }

  /** The issuing region: the first 6 digits of the card identification code. */
  public String regionCode() {
    return cardIdCode.substring(0, 6);
  }

  /** Expired when {@code today} is after the expiry date (the card is valid on that day). */
  public boolean isExpired(LocalDate today) {
    return today.isAfter(expiryDate);
  }
}
