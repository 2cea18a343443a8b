package dev.pindesk.service;

import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.SscCardReader;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads the social security card in a reader: picks the reader, connects, reads, disconnects. */
public final class CardReadService {
  private final CardTerminals terminals;
  private final Supplier<CardProfiles> profiles;
  private SscCardReader reader;

  public CardReadService(CardTerminals terminals, CardProfiles profiles) {
    this(terminals, () -> profiles);
  }

  /**
   * With profiles that may still be loading (the GUI loads them after its first frame): asked for
   * at the first read.
   */
  public CardReadService(CardTerminals terminals, Supplier<CardProfiles> profiles) {
    this.terminals = terminals;
    this.profiles = profiles;
  }

  private synchronized SscCardReader reader() {
    if (reader == null) {
      reader = new SscCardReader(profiles.get());
    }
    return reader;
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
      return reader().read(connection, tracer);
    }
  }
}
