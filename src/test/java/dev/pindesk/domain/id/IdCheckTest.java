package dev.pindesk.domain.id;

import static dev.pindesk.domain.id.Gb11643Fixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Live validation while the clerk types, with today = 2025-06-01. */
class IdCheckTest {

  private static IdCheck check(String input) {
    return CitizenId.check(input, TODAY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1",
        "11",
        "110105",
        "1101051",
        "11010519",
        "110105194",
        "1101051949123",
        "11010519491231002",
        "9",
        "1101052",
        "11010520250601",
        "1101052025060",
        "1101052000022"
      })
  void prefixesThatCanStillBecomeValidAreIncomplete(String input) {
    IdCheck result = check(input);

    assertThat(result.state()).isEqualTo(IdCheckState.INCOMPLETE);
    assertThat(result.isError()).isFalse();
    assertThat(result.id()).isEmpty();
    assertThat(result.errorPosition()).isEmpty();
  }

  @Test
  void completeValidNumberCarriesTheParsedId() {
    IdCheck result = check("11010519491231002X");

    assertThat(result.isValid()).isTrue();
    assertThat(result.id()).map(CitizenId::value).contains("11010519491231002X");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "11a", "110105 1949", "1101051949123100X", "11010519491231002Y"})
  void flagsInvalidCharacters(String input) {
    assertThat(check(input).state()).isEqualTo(IdCheckState.INVALID_CHARACTER);
  }

  @Test
  void pointsAtTheInvalidCharacter() {
    assertThat(check("1101x5").errorPosition()).hasValue(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "01", "10", "16", "19", "20", "24", "38", "40", "47", "55", "60"})
  void flagsUnknownRegions(String input) {
    assertThat(check(input).state()).isEqualTo(IdCheckState.INVALID_REGION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"72", "80", "84", "89"})
  void flagsUnknownPrefixesOfTaiwanAndPermits(String input) {
    assertThat(check(input).state()).isEqualTo(IdCheckState.INVALID_REGION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82",
        "83", "90", "91", "99"
      })
  void acceptsKnownProvincePrefixes(String input) {
    assertThat(check(input).state()).isEqualTo(IdCheckState.INCOMPLETE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1101050", // year 0xxx
        "11010518", // 18xx
        "11010518991231", // the day before 1900
        "11010519492", // month 2x
        "110105194913", // month 13
        "110105194900", // month 00
        "1101051949004", // month 00, whatever follows
        "1101051949014", // day 4x
        "11010519490132", // January 32
        "11010519490230", // February 30
        "11010519490100", // day 00
        "11010519230229" // not a leap year
      })
  void flagsImpossibleBirthDatesAsSoonAsTheyAreTyped(String input) {
    IdCheck result = check(input);

    assertThat(result.state()).isEqualTo(IdCheckState.INVALID_BIRTH_DATE);
    assertThat(result.errorPosition()).hasValue(input.length() - 1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1101053", // 3xxx
        "11010521", // 21xx
        "110105203", // 203x
        "1101052026", // next year
        "11010520251", // October to December 2025
        "110105202507", // July 2025
        "1101052025061", // June 10-19, 2025
        "11010520250602" // tomorrow
      })
  void flagsBirthDatesThatCanOnlyBeInTheFuture(String input) {
    assertThat(check(input).state()).isEqualTo(IdCheckState.BIRTH_DATE_IN_FUTURE);
  }

  @Test
  void flagsChecksumMismatchOnTheLastCharacter() {
    IdCheck result = check("110105194912310021");

    assertThat(result.state()).isEqualTo(IdCheckState.CHECKSUM_MISMATCH);
    assertThat(result.errorPosition()).hasValue(17);
  }

  @Test
  void flagsInputLongerThanEighteenCharacters() {
    IdCheck result = check("11010519491231002X1");

    assertThat(result.state()).isEqualTo(IdCheckState.TOO_LONG);
    assertThat(result.errorPosition()).hasValue(18);
  }

  @Test
  void reportsTheFirstErrorInReadingOrder() {
    assertThat(check("01010519491331002Y").state()).isEqualTo(IdCheckState.INVALID_CHARACTER);
    assertThat(check("010105194913310021").state()).isEqualTo(IdCheckState.INVALID_REGION);
    assertThat(check("110105194913310021").state()).isEqualTo(IdCheckState.INVALID_BIRTH_DATE);
  }

  @Test
  void everyStateHasAStableMessageKey() {
    assertThat(Arrays.stream(IdCheckState.values()).map(IdCheckState::messageKey))
        .containsExactly(
            "id.check.incomplete",
            "id.check.invalid_character",
            "id.check.invalid_region",
            "id.check.invalid_birth_date",
            "id.check.birth_date_in_future",
            "id.check.checksum_mismatch",
            "id.check.too_long",
            "id.check.valid");
    assertThat(check("0").messageKey()).isEqualTo("id.check.invalid_region");
  }

  @Test
  void toStringNeverShowsTheInput() {
    assertThat(check("11010519491231002X")).hasToString("IdCheck[VALID]");
    assertThat(check("110105194912310021").toString()).doesNotContain("1949");
  }

  @Test
  void judgesTheFutureAgainstTheGivenToday() {
    String born2025 = Gb11643Fixture.id("110101", LocalDate.of(2025, 6, 2), "001");

    assertThat(CitizenId.check(born2025, TODAY).state())
        .isEqualTo(IdCheckState.BIRTH_DATE_IN_FUTURE);
    assertThat(CitizenId.check(born2025, TODAY.plusDays(1)).state()).isEqualTo(IdCheckState.VALID);
  }
}
