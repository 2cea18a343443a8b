package dev.pindesk.service.reset;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.time.Duration;
import java.util.List;

/**
 * Terminals that lose the answer of the next PIN-writing command (80/84 5E or 24) as a reader does
 * when the card is pulled: either after the card executed it, or before it reached the card.
 */
final class LosingTerminals implements CardTerminals {
  enum Loss {
    NONE,
    AFTER_CARD,
    BEFORE_CARD
  }

  private final CardTerminals delegate;
  private Loss nextWrite = Loss.NONE;

  LosingTerminals(CardTerminals delegate) {
    this.delegate = delegate;
  }

  void loseNextWrite(Loss loss) {
    nextWrite = loss;
  }

  @Override
  public List<ReaderState> readers() throws CardException {
    return delegate.readers();
  }

  @Override
  public List<ReaderState> awaitChange(Duration timeout) throws CardException {
    return delegate.awaitChange(timeout);
  }

  @Override
  public CardConnection connect(String reader) throws CardException {
    CardConnection c = delegate.connect(reader);
    return new CardConnection() {
      @Override
      public String readerName() {
        return c.readerName();
      }

      @Override
      public byte[] atr() {
        return c.atr();
      }

      @Override
      public byte[] transmit(byte[] command) throws CardException {
        boolean write =
            command.length > 1
                && (command[0] == (byte) 0x80 || command[0] == (byte) 0x84)
                && (command[1] == 0x5E || command[1] == 0x24);
        if (!write || nextWrite == Loss.NONE) {
          return c.transmit(command);
        }
        Loss loss = nextWrite;
        nextWrite = Loss.NONE;
        if (loss == Loss.AFTER_CARD) {
          c.transmit(command);
        }
        throw new CardException(CardErrorCode.CARD_REMOVED, "card pulled during the write");
      }

      @Override
      public void beginExclusive() throws CardException {
        c.beginExclusive();
      }

      @Override
      public void endExclusive() {
        c.endExclusive();
      }

      @Override
      public void close() {
        c.close();
      }
    };
  }
}
