package dev.pindesk.domain.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CardInfoTest {
  private static final CardInfo SAMPLE =
      new CardInfo(
          "330100D156000005",
          "3",
          "3.00",
          "330100000000",
          LocalDate.of(2021, 3, 15),
          LocalDate.of(2031, 3, 15),
          "A12345678");

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
  void roundTrips() {
    assertThat(CardInfo.decode(SAMPLE.encode())).isEqualTo(SAMPLE);
  }

  @Test
  void padsShortTextWithZeroBytes() {
    CardInfo shortOrg =
        new CardInfo(
            "330100D1560000", "3", "3.00", "3301", SAMPLE.issueDate(), SAMPLE.expiryDate(), "A1");

    byte[] org = shortOrg.encode().get(SscElement.ISSUER_ORG.tag());

    assertThat(org).containsExactly('3', '3', '0', '1', 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(CardInfo.decode(shortOrg.encode())).isEqualTo(shortOrg);
  }

  @Test
  void decodesSpacePaddedShortAndOverlongText() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode())
            .ascii(SscElement.CARD_ID_CODE, "330100D15600000512", 18, 0x00)
            .ascii(SscElement.ISSUER_ORG, "3301", 12, 0x20)
            .ascii(SscElement.CARD_NUMBER, "A1234", 5, 0x00)
            .map();

    CardInfo info = CardInfo.decode(values);

    assertThat(info.cardIdCode()).isEqualTo("330100D15600000512");
    assertThat(info.issuerOrg()).isEqualTo("3301");
    assertThat(info.cardNumber()).isEqualTo("A1234");
  }

  @Test
  void rejectsAnImpossibleDateNamingTheElement() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode()).hex(SscElement.EXPIRY_DATE, "20231341").map();

    assertThatThrownBy(() -> CardInfo.decode(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EXPIRY_DATE (EF05 tag 06)");
  }

  @ParameterizedTest
  @EnumSource(
      value = SscElement.class,
      names = {
        "CARD_ID_CODE",
        "CARD_TYPE",
        "SPEC_VERSION",
        "ISSUER_ORG",
        "ISSUE_DATE",
        "EXPIRY_DATE",
        "CARD_NUMBER"
      })
  void rejectsAMissingElementNamingIt(SscElement missing) {
    Map<Integer, byte[]> values = CardValues.of(SAMPLE.encode()).without(missing).map();

    assertThatThrownBy(() -> CardInfo.decode(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(missing.name() + " (EF05")
        .hasMessageContaining("missing");
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
            SAMPLE.cardIdCode(),
            "3",
            "3.00",
            "3301000000001",
            SAMPLE.issueDate(),
            SAMPLE.expiryDate(),
            "A");

    assertThatThrownBy(tooLong::encode).hasMessageContaining("ISSUER_ORG");
  }

  @Test
  void ignoresUnknownTags() {
    Map<Integer, byte[]> values = CardValues.of(SAMPLE.encode()).hex(SscElement.SSN, "00").map();

    assertThat(CardInfo.decode(values)).isEqualTo(SAMPLE);
  }

  @Test
  void regionCodeIsTheFirstSixCharactersOfTheIdentificationCode() {
    assertThat(SAMPLE.regionCode()).isEqualTo("330100");
  }

  @Test
  void expiresTheDayAfterTheExpiryDate() {
    assertThat(SAMPLE.isExpired(LocalDate.of(2031, 3, 14))).isFalse();
    assertThat(SAMPLE.isExpired(LocalDate.of(2031, 3, 15))).isFalse();
    assertThat(SAMPLE.isExpired(LocalDate.of(2031, 3, 16))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"1.00, GEN_1", "2.00, GEN_2", "3.00, GEN_3"})
  void knowsTheGenerationsOfTheSpecification(String version, CardGeneration generation) {
    CardInfo info =
        new CardInfo("330100", "3", version, "3301", SAMPLE.issueDate(), SAMPLE.expiryDate(), "A");

    assertThat(info.generation()).contains(generation);
  }

  @Test
  void unknownSpecificationVersionHasNoGeneration() {
    CardInfo info =
        new CardInfo("330100", "3", "4.00", "3301", SAMPLE.issueDate(), SAMPLE.expiryDate(), "A");

    assertThat(info.generation()).isEqualTo(Optional.empty());
  }
}
