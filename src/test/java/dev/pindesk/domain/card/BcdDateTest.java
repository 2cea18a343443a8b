package dev.pindesk.domain.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.codec.Hex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BcdDateTest {

  @Test
  void decodesPackedYyyymmdd() {
    assertThat(BcdDate.decode(Hex.parse("20231231"), "X")).isEqualTo(LocalDate.of(2023, 12, 31));
  }

  @Test
  void encodesPackedYyyymmdd() {
    assertThat(BcdDate.encode(LocalDate.of(1949, 10, 1))).isEqualTo(Hex.parse("19491001"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"20231341", "20230230", "20230001", "20230100", "20231301"})
  void rejectsDatesThatDoNotExistNamingTheElement(String hex) {
    assertThatThrownBy(() -> BcdDate.decode(Hex.parse(hex), "BIRTH_DATE (EF06 tag 0D)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("BIRTH_DATE (EF06 tag 0D): invalid")
        .message()
        .doesNotContain(hex);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023120A", "202312FF", "202312", "2023123100"})
  void rejectsValuesThatAreNotFourBcdBytes(String hex) {
    assertThatThrownBy(() -> BcdDate.decode(Hex.parse(hex), "ISSUE_DATE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ISSUE_DATE: ");
  }

  @Test
  void rejectsYearsBeyondFourDigits() {
    assertThatThrownBy(() -> BcdDate.encode(LocalDate.of(10000, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
