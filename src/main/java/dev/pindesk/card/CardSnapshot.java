package dev.pindesk.card;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;

/**
 * Everything a full read of a card yields.
 *
 * @param info EF05
 * @param holder EF06
 * @param pinState PIN state when the profile allows asking
 * @param profile the profile used
 * @param algorithm the MAC algorithm (from the FCI, else the profile)
 * @param trainingCard whether the ATR marks a virtual training card
 * @param atr the card's ATR
 * @param apduCount APDUs exchanged for the read, transport rounds included
 */
public record CardSnapshot(
    CardInfo info,
    CardHolder holder,
    PinState pinState,
    CardProfile profile,
    CipherAlgorithm algorithm,
    boolean trainingCard,
    byte[] atr,
    int apduCount) {

  public CardSnapshot {
    atr = atr.clone();
  }

  @Override
  public byte[] atr() {
    return atr.clone();
  }
}
