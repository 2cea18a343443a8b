package dev.pindesk.card;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.MacRequest.MacPurpose;
import java.util.List;

/** The reset strategies PinDesk implements, looked up by the name a card profile gives. */
public final class ResetStrategies {
  private static final List<ResetStrategy> ALL = List.of(new ChallengeMacStrategy());

  private ResetStrategies() {}

  /** The strategy for {@code purpose} of the card's profile. */
  public static ResetStrategy forCard(CardSnapshot card, MacPurpose purpose) throws CardException {
    CardProfile.PrivilegedCommand command =
        purpose == MacPurpose.RESET_PIN ? card.profile().reset() : card.profile().unlock();
    if (command == null) {
      throw new CardException(
          CardErrorCode.UNSUPPORTED_CARD, card.profile().id() + " has no " + purpose + " command");
    }
    return ALL.stream()
        .filter(s -> s.name().equals(command.strategy()))
        .findFirst()
        .orElseThrow(
            () ->
                new CardException(
                    CardErrorCode.UNSUPPORTED_CARD,
                    "unknown reset strategy " + command.strategy()));
  }
}
