package dev.pindesk.card;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.testing.CardImageScenarios;

/** The conformance corpus through the in-process virtual reader. */
class InProcessCardImagesTest extends CardImageScenarios {
  private static final String READER = "Test Reader";
  private final InProcessCardTerminals terminals = new InProcessCardTerminals(READER);

  @Override
  protected CardTerminals terminals() {
    return terminals;
  }

  @Override
  protected String present(VirtualSscCard card) {
    terminals.insert(READER, card);
    return READER;
  }

  @Override
  protected void withdraw() {
    terminals.remove(READER);
  }
}
