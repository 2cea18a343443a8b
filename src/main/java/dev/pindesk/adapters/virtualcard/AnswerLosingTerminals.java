package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.time.Duration;
import java.util.List;

/**
 * Terminals that lose the answer of the next PIN-writing command (80/84 5E or 24) as a reader does
 * when the card is pulled: either after the card executed it, or before it reached the card. The
 * training journal generator and the tests use it to produce IN_DOUBT cases on purpose.
 */
public final class AnswerLosingTerminals implements CardTerminals {
  /** What happens to the next PIN write. */
  public enum Loss {
    NONE,
    AFTER_CARD,
    BEFORE_CARD
  }

  private final CardTerminals delegate;
  private Loss nextWrite = Loss.NONE;

  public AnswerLosingTerminals(CardTerminals delegate) {
    this.delegate = delegate;
  }

  /** The next PIN write's answer is lost as {@code loss} says; later writes pass. */
  public synchronized void loseNextWrite(Loss loss) {
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
        Loss loss = write ? takeLoss() : Loss.NONE;
        if (loss == Loss.NONE) {
          return c.transmit(command);
        }
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

  private synchronized Loss takeLoss() {
    Loss loss = nextWrite;
    nextWrite = Loss.NONE;
    return loss;
  }
}
