package dev.pindesk.service.reset;

import dev.pindesk.card.CardSnapshot;
import dev.pindesk.domain.pin.PinContext;
import dev.pindesk.domain.reset.CaseParties;

/** What the PIN policy must know of a case: birth date from the card, ID numbers, card number. */
final class PinContextOf {
  private PinContextOf() {}

  static PinContext caseAndCard(CaseParties parties, CardSnapshot card) {
    PinContext context =
        PinContext.forHolder(
            card.holder().birthDate(), parties.holder().id().value(), card.info().cardNumber());
    return parties.agent().map(a -> context.withAgent(a.id().value())).orElse(context);
  }
}
