package dev.pindesk.adapters.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.error.CardErrorCode;
import javax.smartcardio.CardException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcscErrorsTest {

  @ParameterizedTest
  @CsvSource({
    "SCARD_E_NO_SERVICE, PCSC_UNAVAILABLE",
    "SCARD_E_SERVICE_STOPPED, PCSC_UNAVAILABLE",
    "SCARD_W_REMOVED_CARD, CARD_REMOVED",
    "SCARD_E_NO_SMARTCARD, CARD_REMOVED",
    "SCARD_E_SHARING_VIOLATION, READER_BUSY",
    "SCARD_E_UNKNOWN_READER, READER_NOT_FOUND",
    "SCARD_W_UNRESPONSIVE_CARD, CARD_MUTE",
    "SCARD_E_TIMEOUT, CARD_MUTE",
  })
  void classifiesPcscCodesFromTheCauseChain(String pcscCode, CardErrorCode expected) {
    CardException e = new CardException("transmit() failed", new RuntimeException(pcscCode));
    assertThat(PcscErrors.classify(e)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"SCARD_E_NO_SERVICE, true", "SCARD_W_REMOVED_CARD, false"})
  void onlyServiceFailuresAskForANewContext(String pcscCode, boolean lost) {
    assertThat(PcscErrors.contextLost(new CardException("x", new RuntimeException(pcscCode))))
        .isEqualTo(lost);
  }

  @org.junit.jupiter.api.Test
  void aStaleCardObjectMeansTheCardWasRemoved() {
    assertThat(PcscErrors.classify(new IllegalStateException("Card has been removed")))
        .isEqualTo(CardErrorCode.CARD_REMOVED);
  }
}
