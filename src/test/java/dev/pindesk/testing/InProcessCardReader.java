package dev.pindesk.testing;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.ports.CardTerminals;

/** The in-process virtual reader (the UI tests' mocked terminal) as a {@link CardReader}. */
public final class InProcessCardReader implements CardReader {
  private static final String READER = "Test Reader";
  private final InProcessCardTerminals terminals = new InProcessCardTerminals(READER);

  @Override
  public CardTerminals terminals() {
    return terminals;
  }

  @Override
  public String present(VirtualSscCard card) {
    terminals.insert(READER, card);
    return READER;
  }

  @Override
  public void withdraw() {
    terminals.remove(READER);
  }
}
