package dev.pindesk.adapters.sam;

import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Readers that note the header (CLA INS P1 P2) of every command sent, for sequence assertions. */
final class RecordingTerminals implements CardTerminals {
  private final CardTerminals inner;
  final List<String> headers = new ArrayList<>();

  RecordingTerminals(CardTerminals inner) {
    this.inner = inner;
  }

  @Override
  public List<ReaderState> readers() throws CardException {
    return inner.readers();
  }

  @Override
  public List<ReaderState> awaitChange(Duration timeout) throws CardException {
    return inner.awaitChange(timeout);
  }

  @Override
  public CardConnection connect(String reader) throws CardException {
    CardConnection c = inner.connect(reader);
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
        headers.add(Hex.of(command, 0, 4));
        return c.transmit(command);
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
