package dev.pindesk.service.reset;

import dev.pindesk.card.CardSnapshot;
import dev.pindesk.domain.pin.PinContext;
import dev.pindesk.domain.reset.CaseParties;

/**
 * What the PIN policy must know of a case: birth date from the card, ID numbers, card number, and
 * the issuing region (the first 6 characters of the card identification code) for the region's
 * initial PINs.
 */
final class PinContextOf {
  private static final int REGION_LENGTH = 6;

  private PinContextOf() {}

  static PinContext caseAndCard(CaseParties parties, CardSnapshot card) {
    PinContext holder =
        PinContext.forHolder(
            card.holder().birthDate(), parties.holder().id().value(), card.info().cardNumber());
    String code = card.info().cardIdCode();
    if (code.length() >= REGION_LENGTH && code.substring(0, REGION_LENGTH).matches("[0-9]+")) {
      holder = holder.withRegion(code.substring(0, REGION_LENGTH));
    }
    PinContext context = holder;
    return parties.agent().map(a -> context.withAgent(a.id().value())).orElse(context);
  }
}
