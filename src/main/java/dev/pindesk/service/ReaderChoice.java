package dev.pindesk.service;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.util.List;
import java.util.Optional;

/** Which reader a card operation uses: the named one, else the first holding a card. */
public final class ReaderChoice {
  private ReaderChoice() {}

  /**
   * @throws CardException {@code READER_NOT_FOUND} for an unknown name, {@code NO_READER} when none
   *     is connected, {@code NO_CARD} when no reader holds a card
   */
  public static String choose(CardTerminals terminals, Optional<String> readerName)
      throws CardException {
    List<ReaderState> readers = terminals.readers();
    if (readerName.isPresent()) {
      String wanted = readerName.get();
      return readers.stream()
          .map(ReaderState::name)
          .filter(wanted::equals)
          .findFirst()
          .orElseThrow(
              () -> new CardException(CardErrorCode.READER_NOT_FOUND, "no reader " + wanted));
    }
    if (readers.isEmpty()) {
      throw new CardException(CardErrorCode.NO_READER, "no reader connected");
    }
    return readers.stream()
        .filter(ReaderState::cardPresent)
        .map(ReaderState::name)
        .findFirst()
        .orElseThrow(() -> new CardException(CardErrorCode.NO_CARD, "no card in any reader"));
  }
}
