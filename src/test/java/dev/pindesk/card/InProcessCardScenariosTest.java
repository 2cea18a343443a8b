package dev.pindesk.card;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.testing.CardScenarios;

/** The card scenarios against the in-process virtual reader (the UI tests' mocked terminal). */
class InProcessCardScenariosTest extends CardScenarios {
  private static final String READER = "Test Reader";
  private final InProcessCardTerminals terminals = new InProcessCardTerminals(READER);

  @Override
  protected CardTerminals terminals() {
    return terminals;
  }

  @Override
  protected String present(VirtualCardSpec spec) {
    terminals.insert(READER, VirtualSscCard.fromSpec(spec));
    return READER;
  }

  @Override
  protected void withdraw() {
    terminals.remove(READER);
  }
}
