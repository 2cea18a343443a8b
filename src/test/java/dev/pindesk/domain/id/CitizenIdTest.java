package dev.pindesk.domain.id;

import static dev.pindesk.domain.id.Gb11643Fixture.TODAY;
import static dev.pindesk.domain.id.Gb11643Fixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitizenIdTest {
  private static final String PUBLIC_EXAMPLE = "11010519491231002X";

  @Test
  void publicExampleHasTheCheckCharacterOfTheIndependentDerivation() {
    assertThat(Gb11643Fixture.withCheck(PUBLIC_EXAMPLE.substring(0, 17))).isEqualTo(PUBLIC_EXAMPLE);
    assertThat(CitizenId.checkChar(PUBLIC_EXAMPLE.substring(0, 17))).isEqualTo('X');
  }

  @Test
  void parsesThePublicExample() {
    CitizenId id = CitizenId.parse(PUBLIC_EXAMPLE, TODAY);

    assertThat(id.value()).isEqualTo(PUBLIC_EXAMPLE);
    assertThat(id.kind()).isEqualTo(CitizenIdKind.RESIDENT);
    assertThat(id.regionCode()).isEqualTo("110105");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void normalisesLowerCaseCheckCharacter() {
    CitizenId id = CitizenId.parse("11010519491231002x", TODAY);

    assertThat(id.value()).isEqualTo(PUBLIC_EXAMPLE);
    assertThat(id).isEqualTo(CitizenId.parse(PUBLIC_EXAMPLE, TODAY));
  }

  @ParameterizedTest
  @CsvSource({
    "440305, RESIDENT",
    "710000, RESIDENT",
    "911156, PERMANENT_RESIDENCE",
    "810000, HK_RESIDENCE_PERMIT",
    "820000, MACAO_RESIDENCE_PERMIT",
    "830000, TAIWAN_RESIDENCE_PERMIT"
  })
  void tellsTheKindFromTheLeadingDigits(String region, CitizenIdKind kind) {
    CitizenId id = CitizenId.parse(id(region, LocalDate.of(1990, 2, 28), "123"), TODAY);

    assertThat(id.kind()).isEqualTo(kind);
    assertThat(id.regionCode()).isEqualTo(region);
  }

  @Test
  void oddSeventeenthDigitIsMaleEvenIsFemale() {
    LocalDate birth = LocalDate.of(1980, 1, 1);

    assertThat(CitizenId.parse(id("110101", birth, "001"), TODAY).sex()).isEqualTo(Sex.MALE);
    assertThat(CitizenId.parse(id("110101", birth, "010"), TODAY).sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void maskedAndToStringShowOnlyRegionAndLastFour() {
    CitizenId id = CitizenId.parse(PUBLIC_EXAMPLE, TODAY);

    assertThat(id.masked()).isEqualTo("110105********002X");
    assertThat(id).hasToString("110105********002X");
  }

  @Test
  void acceptsBirthOnTheEarliestDayAndToday() {
    assertThat(CitizenId.check(id("110101", LocalDate.of(1900, 1, 1), "001"), TODAY).state())
        .isEqualTo(IdCheckState.VALID);
    assertThat(CitizenId.check(id("110101", TODAY, "001"), TODAY).state())
        .isEqualTo(IdCheckState.VALID);
  }

  @Test
  void acceptsLeapDayOnlyInLeapYears() {
    assertThat(CitizenId.check(id("110101", LocalDate.of(2000, 2, 29), "001"), TODAY).state())
        .isEqualTo(IdCheckState.VALID);
    assertThat(CitizenId.check(Gb11643Fixture.withCheck("11010119000229001"), TODAY).state())
        .isEqualTo(IdCheckState.INVALID_BIRTH_DATE);
  }

  @Test
  void parseRejectsWithTheReasonButWithoutEchoingTheNumber() {
    String wrong = PUBLIC_EXAMPLE.substring(0, 17) + "1";

    assertThatThrownBy(() -> CitizenId.parse(wrong, TODAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum mismatch")
        .message()
        .doesNotContain("19491231");
  }

  @Test
  void parseRejectsIncompleteInput() {
    assertThatThrownBy(() -> CitizenId.parse("110105", TODAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void checkCharRejectsAnythingButSeventeenDigits() {
    assertThatThrownBy(() -> CitizenId.checkChar("1101051949123100"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CitizenId.checkChar("11010519491231002X"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CitizenId.checkChar("1101051949123100A"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
