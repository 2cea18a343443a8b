package dev.pindesk.it;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.testing.CardReader;

/** The vpcd reader behind the real pcscd as a {@link CardReader}; skips without the real stack. */
final class VpcdCardReader implements CardReader {
  private final PcscTerminals terminals = new PcscTerminals();
  private VpcdCard card;

  /** Skips the calling test class (or fails it under PINDESK_REQUIRE_PCSC) without pcscd + vpcd. */
  VpcdCardReader assumeAvailable() {
    RealPcsc.assumeAvailable(terminals);
    return this;
  }

  @Override
  public CardTerminals terminals() {
    return terminals;
  }

  @Override
  public String present(VirtualSscCard virtualCard) throws Exception {
    card = VpcdCard.insert(terminals, virtualCard);
    return RealPcsc.READER;
  }

  @Override
  public void withdraw() throws Exception {
    if (card != null) {
      card.close();
      card = null;
    }
  }
}
