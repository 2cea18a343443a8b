package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.NationalReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NationalReadersTest {

  @Test
  void aPcscCounterHasNoNationalInterfaceReader() throws Exception {
    CardDevice pcsc =
        new CardDevice(CardDevice.Kind.PCSC, Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(NationalReaders.open(pcsc)).isEmpty();
  }

  @Test
  void aMissingLibraryIsRefusedAtTheFirstCallWithoutStartingAHost(@TempDir Path dir)
      throws Exception {
    CardDevice sscard =
        new CardDevice(
            CardDevice.Kind.SSCARD,
            Optional.of(dir.resolve("libSSCard.so")),
            Optional.empty(),
            Optional.empty());
    try (NationalReader reader = NationalReaders.open(sscard).orElseThrow()) {
      assertThatThrownBy(reader::readCard)
          .isInstanceOfSatisfying(
              CardException.class,
              e -> assertThat(e.code()).isEqualTo(CardErrorCode.DEVICE_UNAVAILABLE));
    }
  }

  @Test
  void anUnusableReturnCodeTableIsRefusedAsUnavailable(@TempDir Path dir) throws Exception {
    Path table = Files.writeString(dir.resolve("codes.properties"), "minus-one=no_card\n");
    assertThatThrownBy(
            () -> NationalReaders.open(dir.resolve("lib.so"), Optional.of(table), Optional.empty()))
        .isInstanceOfSatisfying(
            CardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(CardErrorCode.DEVICE_UNAVAILABLE);
              assertThat(e.getMessage()).contains("minus-one");
            });
  }
}
