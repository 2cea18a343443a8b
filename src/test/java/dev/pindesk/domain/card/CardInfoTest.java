package dev.pindesk.domain.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.codec.Hex;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CardInfoTest {
  /** A code as public test data shows them: region 330100, D156000005, 16 more hex digits. */
  private static final String CODE = "330100D156000005011BA293AA4B9E55";

  private static final CardInfo SAMPLE =
      new CardInfo(
          CODE,
          Optional.of("3"),
          "3.00",
          Optional.of("330100000000"),
          LocalDate.of(2021, 3, 15),
          LocalDate.of(2031, 3, 15),
          "A12345678");

  private static CardInfo withVersion(String version) {
    return new CardInfo(
        CODE,
        Optional.empty(),
        version,
        Optional.empty(),
        SAMPLE.issueDate(),
        SAMPLE.expiryDate(),
        "A");
  }

  @Test
  void encodesEveryElementAtItsNominalLengthInTagOrder() {
    Map<Integer, byte[]> encoded = SAMPLE.encode();

    assertThat(encoded.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    for (SscElement e : SscElement.of(SscFile.EF05)) {
      assertThat(encoded.get(e.tag())).as(e.name()).hasSize(e.length());
    }
    assertThat(encoded.get(SscElement.EXPIRY_DATE.tag())).containsExactly(0x20, 0x31, 0x03, 0x15);
  }

  @Test
  void storesTheIdentificationCodeAsSixteenBinaryBytes() {
    assertThat(SAMPLE.encode().get(SscElement.CARD_ID_CODE.tag())).isEqualTo(Hex.parse(CODE));
  }

  @Test
  void decodesTheIdentificationCodeAsThirtyTwoUpperCaseHexDigits() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode())
            .hex(SscElement.CARD_ID_CODE, "330683d15600000504e34053d76fbc68")
            .map();

    assertThat(CardInfo.decode(values).cardIdCode()).isEqualTo("330683D15600000504E34053D76FBC68");
  }

  @Test
  void rejectsAnIdentificationCodeThatIsNotSixteenBytes() {
    Map<Integer, byte[]> ascii =
        CardValues.of(SAMPLE.encode()).ascii(SscElement.CARD_ID_CODE, "330100D15600", 12, 0).map();

    assertThatThrownBy(() -> CardInfo.decode(ascii))
        .isInstanceOf(ElementDecodingException.class)
        .hasMessageContaining("CARD_ID_CODE (EF05 tag 01)");
  }

  @Test
  void roundTrips() {
    assertThat(CardInfo.decode(SAMPLE.encode())).isEqualTo(SAMPLE);
  }

  @Test
  void padsShortTextWithZeroBytes() {
    CardInfo shortOrg =
        new CardInfo(
            CODE,
            Optional.of("3"),
            "3.00",
            Optional.of("3301"),
            SAMPLE.issueDate(),
            SAMPLE.expiryDate(),
            "A1");

    byte[] org = shortOrg.encode().get(SscElement.ISSUER_ORG.tag());

    assertThat(org).containsExactly('3', '3', '0', '1', 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(CardInfo.decode(shortOrg.encode())).isEqualTo(shortOrg);
  }

  @Test
  void decodesSpacePaddedShortAndOverlongText() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode())
            .ascii(SscElement.ISSUER_ORG, "3301", 12, 0x20)
            .ascii(SscElement.CARD_NUMBER, "A1234", 5, 0x00)
            .ascii(SscElement.SPEC_VERSION, "3.00", 6, 0x00)
            .map();

    CardInfo info = CardInfo.decode(values);

    assertThat(info.issuerOrg()).contains("3301");
    assertThat(info.cardNumber()).isEqualTo("A1234");
    assertThat(info.specVersion()).isEqualTo("3.00");
  }

  @Test
  void showsABinaryIssuerOrganisationAsHexAndStoresItBack() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode()).hex(SscElement.ISSUER_ORG, "3301000000A1B2C3D4E5F601").map();

    CardInfo info = CardInfo.decode(values);

    assertThat(info.issuerOrg()).contains("3301000000A1B2C3D4E5F601");
    assertThat(info.encode().get(SscElement.ISSUER_ORG.tag()))
        .isEqualTo(Hex.parse("3301000000A1B2C3D4E5F601"));
  }

  @Test
  void rejectsAnImpossibleDateNamingTheElement() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode()).hex(SscElement.EXPIRY_DATE, "20231341").map();

    assertThatThrownBy(() -> CardInfo.decode(values))
        .isInstanceOfSatisfying(
            ElementDecodingException.class,
            e -> assertThat(e.element()).isEqualTo(SscElement.EXPIRY_DATE))
        .hasMessageContaining("EXPIRY_DATE (EF05 tag 06)");
  }

  @ParameterizedTest
  @EnumSource(
      value = SscElement.class,
      names = {"CARD_ID_CODE", "SPEC_VERSION", "ISSUE_DATE", "EXPIRY_DATE", "CARD_NUMBER"})
  void rejectsAMissingMandatoryElementNamingIt(SscElement missing) {
    Map<Integer, byte[]> values = CardValues.of(SAMPLE.encode()).without(missing).map();

    assertThatThrownBy(() -> CardInfo.decode(values))
        .isInstanceOfSatisfying(
            ElementDecodingException.class,
            e -> {
              assertThat(e.element()).isEqualTo(missing);
              assertThat(e.missing()).isTrue();
            })
        .hasMessageStartingWith(missing.name() + " (EF05")
        .hasMessageContaining("missing");
  }

  @Test
  void cardTypeAndIssuerOrganisationAreOptional() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode())
            .without(SscElement.CARD_TYPE)
            .ascii(SscElement.ISSUER_ORG, "", 12, 0x00)
            .map();

    CardInfo info = CardInfo.decode(values);

    assertThat(info.cardType()).isEmpty();
    assertThat(info.issuerOrg()).isEmpty();
    assertThat(info.encode()).doesNotContainKeys(0x02, 0x04);
  }

  @Test
  void rejectsTextThatIsOnlyPaddingOrNotAscii() {
    Map<Integer, byte[]> blank =
        CardValues.of(SAMPLE.encode()).ascii(SscElement.CARD_NUMBER, "", 9, 0x20).map();
    Map<Integer, byte[]> binary =
        CardValues.of(SAMPLE.encode()).hex(SscElement.CARD_TYPE, "B3").map();

    assertThatThrownBy(() -> CardInfo.decode(blank)).hasMessageContaining("CARD_NUMBER");
    assertThatThrownBy(() -> CardInfo.decode(binary)).hasMessageContaining("CARD_TYPE");
  }

  @Test
  void refusesToEncodeTextLongerThanTheElement() {
    CardInfo tooLong =
        new CardInfo(
            CODE,
            Optional.of("3"),
            "3.00",
            Optional.of("3301000000001"),
            SAMPLE.issueDate(),
            SAMPLE.expiryDate(),
            "A");

    assertThatThrownBy(tooLong::encode).hasMessageContaining("ISSUER_ORG");
  }

  @Test
  void refusesAnIdentificationCodeThatIsNotThirtyTwoHexDigits() {
    assertThatThrownBy(
            () ->
                new CardInfo(
                    "330100D156000005",
                    Optional.empty(),
                    "3.00",
                    Optional.empty(),
                    SAMPLE.issueDate(),
                    SAMPLE.expiryDate(),
                    "A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 upper-case hex digits");
  }

  @Test
  void ignoresUnknownTags() {
    Map<Integer, byte[]> values = CardValues.of(SAMPLE.encode()).hex(SscElement.SSN, "00").map();

    assertThat(CardInfo.decode(values)).isEqualTo(SAMPLE);
  }

  @Test
  void regionCodeIsTheFirstSixDigitsOfTheIdentificationCode() {
    assertThat(SAMPLE.regionCode()).isEqualTo("330100");
  }

  @Test
  void expiresTheDayAfterTheExpiryDate() {
    assertThat(SAMPLE.isExpired(LocalDate.of(2031, 3, 14))).isFalse();
    assertThat(SAMPLE.isExpired(LocalDate.of(2031, 3, 15))).isFalse();
    assertThat(SAMPLE.isExpired(LocalDate.of(2031, 3, 16))).isTrue();
  }
}
