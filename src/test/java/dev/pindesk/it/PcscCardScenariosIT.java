package dev.pindesk.it;

import dev.pindesk.testing.CardReader;
import dev.pindesk.testing.CardScenarios;
import org.junit.jupiter.api.BeforeAll;

/** The card scenarios against the real pcscd, with the virtual card in the vpcd reader. */
class PcscCardScenariosIT extends CardScenarios {
  private static final VpcdCardReader READER = new VpcdCardReader();

  @BeforeAll
  static void realStack() {
    READER.assumeAvailable();
  }

  @Override
  protected CardReader reader() {
    return READER;
  }
}
