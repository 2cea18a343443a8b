package dev.pindesk.service;

import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.SscCardReader;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import java.util.Optional;

/** Reads the social security card in a reader: picks the reader, connects, reads, disconnects. */
public final class CardReadService {
  private final CardTerminals terminals;
  private final SscCardReader reader;

  public CardReadService(CardTerminals terminals, CardProfiles profiles) {
    this.terminals = terminals;
    this.reader = new SscCardReader(profiles);
  }

  /**
   * Reads the card in {@code readerName}, or in the first reader holding a card.
   *
   * @throws CardException {@code NO_READER}, {@code READER_NOT_FOUND}, {@code NO_CARD} and every
   *     card error
   */
  public CardSnapshot read(Optional<String> readerName, ApduTracer tracer) throws CardException {
    String name = ReaderChoice.choose(terminals, readerName);
    try (CardConnection connection = terminals.connect(name)) {
      return reader.read(connection, tracer);
    }
  }
}
