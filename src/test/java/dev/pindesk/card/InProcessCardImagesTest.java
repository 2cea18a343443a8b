package dev.pindesk.card;

import dev.pindesk.testing.CardImageScenarios;
import dev.pindesk.testing.CardReader;
import dev.pindesk.testing.InProcessCardReader;

/** The conformance corpus through the in-process virtual reader. */
class InProcessCardImagesTest extends CardImageScenarios {
  private final InProcessCardReader reader = new InProcessCardReader();

  @Override
  protected CardReader reader() {
    return reader;
  }
}
