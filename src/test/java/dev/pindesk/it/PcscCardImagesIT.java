package dev.pindesk.it;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.testing.CardImageScenarios;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance corpus through the real pcscd, each image a virtual card in the vpcd reader: T=0
 * with 61 xx and 6C xx, GB18030 names padded with 00 or 20, the name extension, absent optional
 * records, BCD ethnicity, expired and blocked cards, and the unreadable ones.
 */
class PcscCardImagesIT extends CardImageScenarios {
  private static final PcscTerminals TERMINALS = new PcscTerminals();
  private VpcdCard card;

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(TERMINALS);
  }

  @Override
  protected CardTerminals terminals() {
    return TERMINALS;
  }

  @Override
  protected String present(VirtualSscCard virtualCard) throws Exception {
    card = VpcdCard.insert(TERMINALS, virtualCard);
    return RealPcsc.READER;
  }

  @Override
  protected void withdraw() throws Exception {
    if (card != null) {
      card.close();
      card = null;
    }
  }
}
