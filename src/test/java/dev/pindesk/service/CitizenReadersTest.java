package dev.pindesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.ReaderState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitizenReadersTest {
  private static final String CITIZEN = "ACS ACR39U 00 00";
  private static final String PSAM = "ACS ACR39U SAM 00 01";
  private final InProcessCardTerminals all = new InProcessCardTerminals(PSAM, CITIZEN);
  private final CitizenReaders citizen = new CitizenReaders(all, name -> name.contains("SAM"));

  @Test
  void readerChoiceNeverOffersThePsamReaderEvenWhenOnlyItHoldsACard() throws CardException {
    all.insert(PSAM, VirtualPsam.training());
    assertThat(citizen.readers()).extracting(ReaderState::name).containsExactly(CITIZEN);
    assertThatExceptionOfType(CardException.class)
        .isThrownBy(() -> ReaderChoice.choose(citizen, Optional.empty()))
        .satisfies(e -> assertThat(e.code()).isEqualTo(CardErrorCode.NO_CARD));
  }

  @Test
  void thePsamReaderCannotBeChosenOrConnectedByName() {
    all.insert(PSAM, VirtualPsam.training());
    assertThatExceptionOfType(CardException.class)
        .isThrownBy(() -> ReaderChoice.choose(citizen, Optional.of(PSAM)))
        .satisfies(e -> assertThat(e.code()).isEqualTo(CardErrorCode.READER_NOT_FOUND));
    assertThatExceptionOfType(CardException.class)
        .isThrownBy(() -> citizen.connect(PSAM))
        .satisfies(e -> assertThat(e.code()).isEqualTo(CardErrorCode.READER_NOT_FOUND));
  }
}
