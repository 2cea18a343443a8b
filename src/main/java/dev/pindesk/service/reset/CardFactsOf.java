package dev.pindesk.service.reset;

import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.PinState;
import dev.pindesk.domain.reset.CardFacts;
import dev.pindesk.domain.reset.CardPinStatus;

/** Translates the card layer's snapshot into the domain's {@link CardFacts}. */
final class CardFactsOf {
  private CardFactsOf() {}

  static CardFacts snapshot(CardSnapshot s) {
    return new CardFacts(
        s.info(), s.holder(), pinStatus(s.pinState()), s.trainingCard(), s.algorithm());
  }

  static CardPinStatus pinStatus(PinState state) {
    switch (state.kind()) {
      case TRIES_LEFT:
        return CardPinStatus.triesLeft(state.triesLeft());
      case BLOCKED:
        return CardPinStatus.BLOCKED;
      case APPLICATION_LOCKED:
        return CardPinStatus.APPLICATION_LOCKED;
      default:
        return CardPinStatus.UNKNOWN;
    }
  }
}
