package dev.pindesk.app;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.ui.common.TrainingCardSlot;
import java.util.function.Supplier;

/**
 * The training card goes in and out of the in-process reader. It is one card for the session, as a
 * real card would be: a PIN written to it, tries spent or a block stay when it is taken out and put
 * back. The card is made at the first insertion.
 */
final class TrainingSlot implements TrainingCardSlot {
  private final InProcessCardTerminals terminals;
  private final String reader;
  private final Supplier<VirtualSscCard> newCard;
  private VirtualSscCard card;
  private boolean inserted;

  TrainingSlot(InProcessCardTerminals terminals, String reader, Supplier<VirtualSscCard> newCard) {
    this.terminals = terminals;
    this.reader = reader;
    this.newCard = newCard;
  }

  @Override
  public synchronized void insert() {
    if (inserted) {
      return;
    }
    if (card == null) {
      card = newCard.get();
    }
    terminals.insert(reader, card);
    inserted = true;
  }

  @Override
  public synchronized void remove() {
    terminals.remove(reader);
    inserted = false;
  }

  @Override
  public synchronized boolean inserted() {
    return inserted;
  }
}
