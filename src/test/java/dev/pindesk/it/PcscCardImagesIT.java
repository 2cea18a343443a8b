package dev.pindesk.it;

import dev.pindesk.testing.CardImageScenarios;
import dev.pindesk.testing.CardReader;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance corpus through the real pcscd, each image a virtual card in the vpcd reader: T=0
 * with 61 xx and 6C xx, GB18030 names padded with 00 or 20, the name extension, absent optional
 * records, BCD ethnicity, expired and blocked cards, and the unreadable ones.
 */
class PcscCardImagesIT extends CardImageScenarios {
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
