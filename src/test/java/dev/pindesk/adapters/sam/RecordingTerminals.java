package dev.pindesk.adapters.sam;

import dev.pindesk.adapters.virtualcard.TappedTerminals;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import java.util.ArrayList;
import java.util.List;

/** Readers that note the header (CLA INS P1 P2) of every command sent, for sequence assertions. */
final class RecordingTerminals extends TappedTerminals {
  final List<String> headers = new ArrayList<>();

  RecordingTerminals(CardTerminals inner) {
    super(inner);
  }

  @Override
  protected byte[] transmit(CardConnection card, byte[] command) throws CardException {
    headers.add(Hex.of(command, 0, 4));
    return card.transmit(command);
  }
}
