package dev.pindesk.adapters.pcsc;

import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One card connected through SunPCSC; raw APDUs on the basic channel. */
final class PcscConnection implements CardConnection {
  private static final Logger LOG = LoggerFactory.getLogger(PcscConnection.class);

  private final String reader;
  private final Card card;
  private final CardChannel channel;
  private final PcscTerminals owner;
  private boolean exclusive;

  PcscConnection(String reader, Card card, PcscTerminals owner) {
    this.reader = reader;
    this.card = card;
    this.channel = card.getBasicChannel();
    this.owner = owner;
  }

  @Override
  public String readerName() {
    return reader;
  }

  @Override
  public byte[] atr() {
    return card.getATR().getBytes();
  }

  @Override
  public byte[] transmit(byte[] command) throws CardException {
    try {
      // The ByteBuffer form does no response parsing; the card layer handles 61xx/6Cxx itself.
      java.nio.ByteBuffer response = java.nio.ByteBuffer.allocate(258 + 2);
      int n = channel.transmit(java.nio.ByteBuffer.wrap(command), response);
      byte[] out = new byte[n];
      response.flip();
      response.get(out);
      return out;
    } catch (javax.smartcardio.CardException | RuntimeException e) {
      throw owner.failure(e, "transmit on " + reader);
    }
  }

  @Override
  public void beginExclusive() throws CardException {
    try {
      card.beginExclusive();
      exclusive = true;
    } catch (javax.smartcardio.CardException | RuntimeException e) {
      throw owner.failure(e, "begin exclusive on " + reader);
    }
  }

  @Override
  public void endExclusive() {
    if (!exclusive) {
      return;
    }
    exclusive = false;
    try {
      card.endExclusive();
    } catch (javax.smartcardio.CardException | RuntimeException e) {
      LOG.debug("end exclusive on {}: {}", reader, e.toString());
    }
  }

  @Override
  public void close() {
    endExclusive();
    try {
      card.disconnect(false);
    } catch (javax.smartcardio.CardException | RuntimeException e) {
      LOG.debug("disconnect from {}: {}", reader, e.toString());
    }
  }
}
