package dev.pindesk.service.audit;

import dev.pindesk.domain.audit.Person;
import dev.pindesk.ports.CardTerminals;

/**
 * Where {@link TrainingJournalGenerator} gets the cards its citizens bring: training cards made for
 * a person, in one reader of the returned terminals. The composition root backs it with virtual
 * cards; the service layer only sees readers.
 */
public interface TrainingCardDesk {

  /** The condition of the card a citizen brings. */
  enum Card {
    /** Valid, PIN active (initial PIN 123456 until changed). */
    GOOD,
    /** PIN blocked after too many wrong tries: the unlock service. */
    PIN_BLOCKED,
    /** Past its expiry date. */
    EXPIRED,
    /** Does not answer. */
    MUTE
  }

  /** The readers the cases use. */
  CardTerminals terminals();

  /** The reader the cards go into. */
  String reader();

  /**
   * Takes out the card in the reader, if any, and puts in {@code holder}'s card, issued in the
   * holder's region (the region code of the card identification code is the first six digits of the
   * holder's ID number), so a region policy for agents applies to some cards and not others.
   */
  void insert(Person holder, Card card);

  /**
   * The next PIN-writing command reaches the card, but its answer is lost as when the card is
   * pulled at that moment: the case goes in doubt.
   */
  void loseNextWriteAnswer();
}
