package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.time.Duration;
import java.util.List;

/**
 * Terminals that pass everything to {@code delegate} but let a subclass see (and change the fate
 * of) every command sent to a card: for recording, counting or losing answers in tests and in the
 * training journal generator.
 */
public abstract class TappedTerminals implements CardTerminals {
  private final CardTerminals delegate;

  protected TappedTerminals(CardTerminals delegate) {
    this.delegate = delegate;
  }

  /** Sends {@code command} through {@code card} (or not) and returns the answer. */
  protected abstract byte[] transmit(CardConnection card, byte[] command) throws CardException;

  /** True for the PIN-writing commands of the card profiles (80/84 5E or 24). */
  public static boolean isPinWrite(byte[] command) {
    return command.length > 1
        && (command[0] == (byte) 0x80 || command[0] == (byte) 0x84)
        && (command[1] == 0x5E || command[1] == 0x24);
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
        return TappedTerminals.this.transmit(c, command);
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
