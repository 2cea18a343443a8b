package dev.pindesk.adapters.sam;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.ports.KeyPurpose;

/**
 * One MAC a module computes inside {@code secureMessaging}: the PSAM's INIT FOR DESCRYPT / 80 FA
 * chain and the training module compute it from this.
 *
 * @param purpose which key family
 * @param keyIndex key index from the card profile
 * @param algorithm block cipher of the card
 * @param cardIdCode the card identification code (EF05 tag 01): diversification data
 * @param cardAtr the card's ATR, so a training module can refuse real cards
 * @param challenge the card's process random, used as the MAC's initial vector
 * @param macInput header and data to authenticate (unpadded; padded per ISO 9797-1 method 2). The
 *     owner wipes it.
 */
record MacRequest(
    KeyPurpose purpose,
    int keyIndex,
    CipherAlgorithm algorithm,
    String cardIdCode,
    byte[] cardAtr,
    byte[] challenge,
    byte[] macInput) {

  @Override
  public String toString() {
    return "MacRequest[" + purpose + ", key " + keyIndex + ", " + algorithm + "]";
  }
}
