package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.card;
import static dev.pindesk.adapters.virtualcard.TestCards.gen3;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.codec.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers to malformed or unsupported commands. */
class VirtualSscCardCommandTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "A0A404000F7378312E73682EC9E7BBE1B1A3D5CF, 6E00",
    "FF20000003123456, 6E00",
    "00CA9F7F00, 6D00",
    "80E800000100, 6D00",
    "0020000103123456, 6A86",
    "805E020007123456FF123456, 6A86",
    "8424010007123456AABBCCDD, 6A86",
    "0084000108, 6A86",
    "00A404, 6700",
    "0020000004123456, 6700",
    "00200000031234, 6700",
    "0084000004, 6700",
    "00A404000000, 6700",
  })
  void answersStatusWordForMalformedCommand(String apdu, String expectedSw) {
    assertThat(Hex.of(send(card(gen3()), apdu))).isEqualTo(expectedSw);
  }
}
