package dev.pindesk.domain.reset;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import java.util.Objects;

/**
 * What a card read tells the case.
 *
 * @param info EF05
 * @param holder EF06
 * @param pinStatus PIN state, when the card may be asked
 * @param trainingCard whether the ATR marks a virtual training card
 * @param algorithm the card's algorithm (from its FCI, else its profile)
 */
public record CardFacts(
    CardInfo info,
    CardHolder holder,
    CardPinStatus pinStatus,
    boolean trainingCard,
    CipherAlgorithm algorithm) {
  public CardFacts {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(pinStatus, "pinStatus");
    Objects.requireNonNull(algorithm, "algorithm");
  }

  /** The identity a write must find on the card again. */
  public BoundCard identity() {
    return new BoundCard(info.cardIdCode(), holder.ssn());
  }
}
