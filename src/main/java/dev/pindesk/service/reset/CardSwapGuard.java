package dev.pindesk.service.reset;

import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.SscCardReader;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.reset.BoundCard;
import dev.pindesk.ports.CardConnection;

/**
 * Before a PIN is written the card is read again and must be the bound card: same identification
 * code and same SSN. Protects against a card put in the reader between binding and writing.
 */
public final class CardSwapGuard {
  private final SscCardReader reader;

  public CardSwapGuard(SscCardReader reader) {
    this.reader = reader;
  }

  /** Pure comparison of the bound card with a fresh read. */
  public static boolean isSameCard(BoundCard bound, CardSnapshot reread) {
    return bound.sameCardAs(new BoundCard(reread.info().cardIdCode(), reread.holder().ssn()));
  }

  /**
   * Re-reads the card on {@code connection} (which stays open) and checks it.
   *
   * @return the fresh snapshot, to write with (its profile and ATR are the card's now)
   * @throws CardSwappedException when it is another card
   * @throws CardException when the card cannot be read
   */
  public CardSnapshot reread(CardConnection connection, BoundCard bound)
      throws CardException, CardSwappedException {
    CardSnapshot fresh = reader.read(connection, ApduTracer.NONE);
    if (!isSameCard(bound, fresh)) {
      throw new CardSwappedException();
    }
    return fresh;
  }
}
