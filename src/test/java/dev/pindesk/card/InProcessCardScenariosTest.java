package dev.pindesk.card;

import dev.pindesk.testing.CardReader;
import dev.pindesk.testing.CardScenarios;
import dev.pindesk.testing.InProcessCardReader;

/** The card scenarios against the in-process virtual reader (the UI tests' mocked terminal). */
class InProcessCardScenariosTest extends CardScenarios {
  private final InProcessCardReader reader = new InProcessCardReader();

  @Override
  protected CardReader reader() {
    return reader;
  }
}
