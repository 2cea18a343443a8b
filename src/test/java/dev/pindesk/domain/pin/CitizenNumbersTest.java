package dev.pindesk.domain.pin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitizenNumbersTest {

  @Test
  void blankFieldsAreAbsentAndTypedOnesAreStripped() {
    CitizenNumbers n = CitizenNumbers.typed("  ", " 6217 0000 1234 5704 913 ");

    assertThat(n.phone()).isEmpty();
    assertThat(n.bankAccount()).contains("6217 0000 1234 5704 913");
  }

  @Test
  void toStringShowsNeitherNumber() {
    String text = CitizenNumbers.typed("13907518264", "6217000012345704913").toString();

    assertThat(text).doesNotContain("8264").doesNotContain("4913").doesNotContain("1390");
  }
}
