package dev.pindesk.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusOutcomeTest {

  @ParameterizedTest
  @CsvSource({
    "6983, PIN_BLOCKED",
    "9303, APP_LOCKED",
    "6982, SECURITY_NOT_SATISFIED",
    "6985, CONDITIONS_NOT_SATISFIED",
    "6988, AUTHENTICATION_FAILED",
    "6A82, FILE_NOT_FOUND",
    "6A83, FILE_NOT_FOUND",
    "6D00, UNSUPPORTED_CARD",
    "6E00, UNSUPPORTED_CARD",
    "6F00, UNEXPECTED_STATUS",
  })
  void mapsFailingStatusWordsToTypedErrors(String sw, CardErrorCode expected) {
    CardException e = StatusErrors.toException(StatusOutcome.of(Integer.parseInt(sw, 16)), "test");
    assertThat(e.code()).isEqualTo(expected);
  }

  @Property
  void wrongPinCarriesTriesLeft(@ForAll @IntRange(min = 0, max = 15) int tries) {
    StatusOutcome o = StatusOutcome.of(0x63C0 | tries);
    assertThat(o).isEqualTo(new StatusOutcome.PinWrong(tries));
    CardException e = StatusErrors.toException(o, "verify");
    assertThat(e.code()).isEqualTo(CardErrorCode.PIN_WRONG);
    assertThat(e.triesLeft()).hasValue(tries);
  }

  @Property
  void everyStatusWordMapsToSomeOutcome(@ForAll @IntRange(min = 0, max = 0xFFFF) int sw) {
    assertThat(StatusOutcome.of(sw)).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({"6100, 256", "6110, 16", "6C00, 256", "6C14, 20"})
  void transportStatusWordsCarryTheirLength(String sw, int length) {
    StatusOutcome o = StatusOutcome.of(Integer.parseInt(sw, 16));
    int got =
        o instanceof StatusOutcome.BytesAvailable b
            ? b.count()
            : ((StatusOutcome.WrongLe) o).exactLength();
    assertThat(got).isEqualTo(length);
  }
}
