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

class CardHolderTest {
  private static final CardHolder SAMPLE =
      new CardHolder(
          "11010519491231002X",
          "王小明",
          "2",
          Optional.of("01"),
          Optional.of("110105"),
          LocalDate.of(1949, 12, 31));
  private static final String UYGHUR_NAME = "阿卜杜热合曼·买买提艾力·吐尔逊";

  private static CardHolder named(String name) {
    return new CardHolder(
        SAMPLE.ssn(),
        name,
        SAMPLE.sex(),
        Optional.of("02"),
        Optional.of("650102"),
        SAMPLE.birthDate());
  }

  @Test
  void encodesEveryElementAtItsNominalLengthWithoutExtension() {
    Map<Integer, byte[]> encoded = SAMPLE.encode();

    assertThat(encoded.keySet()).containsExactly(0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D);
    for (SscElement e : SscElement.of(SscFile.EF06)) {
      if (e != SscElement.NAME_EXTENSION) {
        assertThat(encoded.get(e.tag())).as(e.name()).hasSize(e.length());
      }
    }
    assertThat(encoded.get(0x0B)).containsExactly(0x01);
    assertThat(encoded.get(0x0C)).isEqualTo(Hex.parse("110105"));
    assertThat(encoded.get(0x0D)).isEqualTo(Hex.parse("19491231"));
  }

  @Test
  void roundTrips() {
    assertThat(CardHolder.decode(SAMPLE.encode())).isEqualTo(SAMPLE);
  }

  @Test
  void roundTripsARareCharacterName() {
    for (String name : new String[] {"王䶮", "李𠀾"}) {
      assertThat(CardHolder.decode(named(name).encode()).name()).isEqualTo(name);
    }
  }

  @Test
  void longNameOverflowsIntoTheExtensionAndBack() {
    Map<Integer, byte[]> encoded = named(UYGHUR_NAME).encode();

    assertThat(encoded).containsKey(SscElement.NAME_EXTENSION.tag());
    assertThat(encoded.get(SscElement.NAME_EXTENSION.tag())).hasSize(20);
    assertThat(CardHolder.decode(encoded).name()).isEqualTo(UYGHUR_NAME);
  }

  @Test
  void ignoresAnExtensionThatIsOnlyPadding() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode()).ascii(SscElement.NAME_EXTENSION, "", 20, 0x20).map();

    assertThat(CardHolder.decode(values).name()).isEqualTo("王小明");
  }

  @Test
  void decodesSpacePaddedValues() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode())
            .ascii(SscElement.SSN, "11010519491231002X", 20, 0x20)
            .hex(SscElement.NAME, "CDF5D0A1C3F7" + "20".repeat(24))
            .map();

    assertThat(CardHolder.decode(values)).isEqualTo(SAMPLE);
  }

  @Test
  void keepsAnOldFifteenDigitSsnAsStored() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode()).ascii(SscElement.SSN, "110105491231002", 18, 0x00).map();

    CardHolder holder = CardHolder.decode(values);

    assertThat(holder.ssn()).isEqualTo("110105491231002");
    assertThat(holder.maskedSsn()).isEqualTo("110105******002");
  }

  @Test
  void decodesEthnicityAsBcdAndBirthplaceWithoutPadding() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode())
            .hex(SscElement.ETHNICITY, "10")
            .hex(SscElement.BIRTHPLACE, "6501FF")
            .map();

    CardHolder holder = CardHolder.decode(values);

    assertThat(holder.ethnicity()).contains("10"); // 朝鲜族, stored as 0x10, not 16
    assertThat(holder.birthplace()).contains("6501");
    assertThat(CardHolder.decode(holder.encode())).isEqualTo(holder);
  }

  @Test
  void encodesEthnicityAsOneBcdByte() {
    assertThat(named("王").encode().get(SscElement.ETHNICITY.tag())).containsExactly(0x02);
    CardHolder other =
        new CardHolder(
            SAMPLE.ssn(), "王", "1", Optional.of("97"), Optional.empty(), SAMPLE.birthDate());
    assertThat(other.encode().get(SscElement.ETHNICITY.tag())).containsExactly(0x97);
  }

  @ParameterizedTest
  @EnumSource(
      value = SscElement.class,
      names = {"ETHNICITY", "BIRTHPLACE", "NAME_EXTENSION"})
  void anOptionalElementTheCardDoesNotCarryIsAbsent(SscElement absent) {
    Map<Integer, byte[]> values = CardValues.of(SAMPLE.encode()).without(absent).map();

    CardHolder holder = CardHolder.decode(values);

    assertThat(holder.name()).isEqualTo("王小明");
    if (absent == SscElement.ETHNICITY) {
      assertThat(holder.ethnicity()).isEmpty();
    } else if (absent == SscElement.BIRTHPLACE) {
      assertThat(holder.birthplace()).isEmpty();
    }
  }

  @Test
  void ethnicityTwentyIsACodeNotFiller() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode()).hex(SscElement.ETHNICITY, "20").map();

    assertThat(CardHolder.decode(values).ethnicity()).contains("20"); // 傈僳族
  }

  @Test
  void anOptionalElementThatIsOnlyFillerIsAbsent() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode())
            .hex(SscElement.ETHNICITY, "FF")
            .hex(SscElement.BIRTHPLACE, "000000")
            .map();

    CardHolder holder = CardHolder.decode(values);

    assertThat(holder.ethnicity()).isEmpty();
    assertThat(holder.birthplace()).isEmpty();
    assertThat(holder.encode()).doesNotContainKeys(0x0B, 0x0C);
  }

  @Test
  void rejectsABadBirthDateNamingTheElement() {
    Map<Integer, byte[]> values =
        CardValues.of(SAMPLE.encode()).hex(SscElement.BIRTH_DATE, "20231341").map();

    assertThatThrownBy(() -> CardHolder.decode(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BIRTH_DATE (EF06 tag 0D)");
  }

  @Test
  void rejectsAnEmptySsnNamingTheElement() {
    Map<Integer, byte[]> empty = CardValues.of(SAMPLE.encode()).hex(SscElement.SSN, "").map();
    Map<Integer, byte[]> blank =
        CardValues.of(SAMPLE.encode()).ascii(SscElement.SSN, "", 18, 0x00).map();

    assertThatThrownBy(() -> CardHolder.decode(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SSN (EF06 tag 08)");
    assertThatThrownBy(() -> CardHolder.decode(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SSN (EF06 tag 08)");
  }

  @ParameterizedTest
  @EnumSource(
      value = SscElement.class,
      names = {"SSN", "NAME", "SEX", "BIRTH_DATE"})
  void rejectsAMissingMandatoryElementNamingIt(SscElement missing) {
    Map<Integer, byte[]> values = CardValues.of(SAMPLE.encode()).without(missing).map();

    assertThatThrownBy(() -> CardHolder.decode(values))
        .isInstanceOfSatisfying(
            ElementDecodingException.class,
            e -> {
              assertThat(e.element()).isEqualTo(missing);
              assertThat(e.missing()).isTrue();
            })
        .hasMessageStartingWith(missing.name() + " (EF06")
        .hasMessageContaining("missing");
  }

  @Test
  void rejectsValuesOfTheWrongShape() {
    assertThatThrownBy(
            () ->
                CardHolder.decode(
                    CardValues.of(SAMPLE.encode()).hex(SscElement.ETHNICITY, "0101").map()))
        .hasMessageContaining("ETHNICITY");
    assertThatThrownBy(
            () ->
                CardHolder.decode(
                    CardValues.of(SAMPLE.encode()).hex(SscElement.ETHNICITY, "1A").map()))
        .hasMessageContaining("ETHNICITY");
    assertThatThrownBy(
            () ->
                CardHolder.decode(
                    CardValues.of(SAMPLE.encode()).hex(SscElement.BIRTHPLACE, "1101").map()))
        .hasMessageContaining("BIRTHPLACE");
    assertThatThrownBy(
            () ->
                CardHolder.decode(
                    CardValues.of(SAMPLE.encode()).hex(SscElement.BIRTHPLACE, "11A105").map()))
        .hasMessageContaining("BIRTHPLACE");
    assertThatThrownBy(
            () ->
                CardHolder.decode(
                    CardValues.of(SAMPLE.encode()).ascii(SscElement.SEX, "12", 2, 0).map()))
        .hasMessageContaining("SEX");
  }

  @Test
  void refusesToEncodeANameBeyondFiftyBytes() {
    assertThatThrownBy(() -> named("王".repeat(26)).encode())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME");
  }

  @Test
  void toStringMasksTheSsnTheNameAndTheBirthDate() {
    String text = named(UYGHUR_NAME).toString();

    assertThat(text)
        .contains("110105********002X")
        .contains("阿**************")
        .doesNotContain("11010519491231002X")
        .doesNotContain("卜")
        .doesNotContain("1949");
  }

  @Test
  void masksAnSsnThatFailsTheChecksum() {
    CardHolder holder =
        new CardHolder(
            "110105194912310021",
            "王小明",
            "1",
            Optional.of("01"),
            Optional.of("110105"),
            SAMPLE.birthDate());

    assertThat(holder.maskedSsn()).isEqualTo("110105********0021");
    assertThat(holder.maskedName()).isEqualTo("王**");
  }
}
