package dev.pindesk.app;

import dev.pindesk.adapters.sscard.HostLaunch;
import dev.pindesk.adapters.sscard.ReturnCodes;
import dev.pindesk.adapters.sscard.SscardReader;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.NationalReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the reader behind the national read/write interface (ADR 0028) from its settings: one
 * place for the command line ({@link CliWiring}) and, later, the counter's wiring.
 */
final class NationalReaders {
  private NationalReaders() {}

  /**
   * The reader driven by {@code library} in a device host on {@code hostJava} (else this JVM's
   * runtime), with the vendor's return-code table when given.
   *
   * @throws CardException {@code DEVICE_UNAVAILABLE} when the return-code table cannot be used
   */
  static NationalReader open(Path library, Optional<Path> returnCodes, Optional<Path> hostJava)
      throws CardException {
    ReturnCodes codes;
    try {
      codes = returnCodes.map(ReturnCodes::withVendorTable).orElseGet(ReturnCodes::builtIn);
    } catch (IllegalArgumentException e) {
      throw new CardException(CardErrorCode.DEVICE_UNAVAILABLE, e.getMessage(), e);
    }
    String main = SscardHostMain.class.getName();
    HostLaunch launch =
        hostJava
            .map(j -> HostLaunch.withJava(j, main, library, Map.of()))
            .orElseGet(() -> HostLaunch.sameJvm(main, library, Map.of()));
    return new SscardReader(launch, codes, SscardReader.Timeouts.DEFAULT, SscardReader.CONTACT);
  }

  /** The reader a counter's {@code pindesk.device} names, if it names the national interface. */
  static Optional<NationalReader> open(CardDevice device) throws CardException {
    if (device.kind() != CardDevice.Kind.SSCARD || device.sscardLibrary().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        open(device.sscardLibrary().get(), device.sscardCodes(), device.sscardJava()));
  }
}
