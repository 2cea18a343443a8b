package dev.pindesk.domain.id;

import static dev.pindesk.domain.id.Gb11643Fixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CitizenIdPropertiesTest {
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  @Provide
  Arbitrary<String> validIds() {
    Arbitrary<String> regions =
        Arbitraries.of(
            "110101", "310115", "440305", "650102", "710000", "810000", "820000", "830000");
    Arbitrary<String> permanentResidence =
        Arbitraries.strings().numeric().ofLength(5).map(s -> "9" + s);
    Arbitrary<LocalDate> births =
        Arbitraries.longs()
            .between(0, ChronoUnit.DAYS.between(EARLIEST, TODAY))
            .map(EARLIEST::plusDays);
    Arbitrary<String> sequences = Arbitraries.strings().numeric().ofLength(3);
    return Combinators.combine(Arbitraries.oneOf(regions, permanentResidence), births, sequences)
        .as(Gb11643Fixture::id);
  }

  @Property
  void everyValidNumberParses(@ForAll("validIds") String value) {
    CitizenId id = CitizenId.parse(value, TODAY);

    assertThat(id.value()).isEqualTo(value);
    assertThat(id.regionCode()).isEqualTo(value.substring(0, 6));
    assertThat(id.birthDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
        .isEqualTo(value.substring(6, 14));
    assertThat(id.sex()).isEqualTo((value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
  }

  @Property
  void checkCharAgreesWithTheIndependentDerivation(@ForAll("validIds") String value) {
    assertThat(CitizenId.checkChar(value.substring(0, 17))).isEqualTo(value.charAt(17));
  }

  @Property
  void everyPrefixOfAValidNumberIsIncomplete(
      @ForAll("validIds") String value, @ForAll @IntRange(min = 0, max = 17) int length) {
    assertThat(CitizenId.check(value.substring(0, length), TODAY).state())
        .isEqualTo(IdCheckState.INCOMPLETE);
  }

  @Property
  void detectsAnySingleDigitSubstitution(
      @ForAll("validIds") String value,
      @ForAll @IntRange(min = 0, max = 16) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    char changed = (char) ('0' + (value.charAt(position) - '0' + delta) % 10);
    String typo = value.substring(0, position) + changed + value.substring(position + 1);

    assertThat(CitizenId.check(typo, TODAY).state()).isNotEqualTo(IdCheckState.VALID);
  }

  @Property
  void detectsAnyAdjacentTranspositionOfDifferentDigits(
      @ForAll("validIds") String value, @ForAll @IntRange(min = 0, max = 15) int position) {
    char a = value.charAt(position);
    char b = value.charAt(position + 1);
    Assume.that(a != b);
    String typo = value.substring(0, position) + b + a + value.substring(position + 2);

    assertThat(CitizenId.check(typo, TODAY).state()).isNotEqualTo(IdCheckState.VALID);
  }

  @Property
  void maskedNeverContainsTheMiddleDigits(@ForAll("validIds") String value) {
    String masked = CitizenId.parse(value, TODAY).masked();

    assertThat(masked)
        .hasSize(18)
        .startsWith(value.substring(0, 6))
        .endsWith(value.substring(14))
        .contains("********");
    assertThat(masked.substring(6, 14)).isEqualTo("********");
    assertThat(CitizenId.parse(value, TODAY).toString()).isEqualTo(masked);
  }

  @Property
  void checkNeverThrowsOnArbitraryInput(@ForAll String input) {
    assertThat(CitizenId.check(input, TODAY).state()).isNotNull();
  }

  @Property
  void checkNeverThrowsOnDigitLikeInput(@ForAll("digitLike") String input) {
    IdCheck result = CitizenId.check(input, TODAY);

    assertThat(result.id().isPresent()).isEqualTo(result.isValid());
  }

  @Provide
  Arbitrary<String> digitLike() {
    return Arbitraries.strings().withChars("0123456789Xx").ofMinLength(0).ofMaxLength(20);
  }
}
