package dev.pindesk.it;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.testing.CardScenarios;
import org.junit.jupiter.api.BeforeAll;

/** The card scenarios against the real pcscd, with the virtual card in the vpcd reader. */
class PcscCardScenariosIT extends CardScenarios {
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
  protected String present(VirtualCardSpec spec) throws Exception {
    card = VpcdCard.insert(TERMINALS, spec);
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
