package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;

/**
 * Terminals that lose the answer of the next PIN-writing command (80/84 5E or 24) as a reader does
 * when the card is pulled: either after the card executed it, or before it reached the card. The
 * training journal generator and the tests use it to produce IN_DOUBT cases on purpose.
 */
public final class AnswerLosingTerminals extends TappedTerminals {
  /** What happens to the next PIN write. */
  public enum Loss {
    NONE,
    AFTER_CARD,
    BEFORE_CARD
  }

  private Loss nextWrite = Loss.NONE;

  public AnswerLosingTerminals(CardTerminals delegate) {
    super(delegate);
  }

  /** The next PIN write's answer is lost as {@code loss} says; later writes pass. */
  public synchronized void loseNextWrite(Loss loss) {
    nextWrite = loss;
  }

  @Override
  protected byte[] transmit(CardConnection card, byte[] command) throws CardException {
    Loss loss = isPinWrite(command) ? takeLoss() : Loss.NONE;
    if (loss == Loss.NONE) {
      return card.transmit(command);
    }
    if (loss == Loss.AFTER_CARD) {
      card.transmit(command);
    }
    throw new CardException(CardErrorCode.CARD_REMOVED, "card pulled during the write");
  }

  private synchronized Loss takeLoss() {
    Loss loss = nextWrite;
    nextWrite = Loss.NONE;
    return loss;
  }
}
