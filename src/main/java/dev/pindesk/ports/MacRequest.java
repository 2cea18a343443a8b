package dev.pindesk.ports;

import dev.pindesk.domain.CipherAlgorithm;

/**
 * What a security module needs to authenticate one privileged card command.
 *
 * @param purpose which key family (reset or unblock)
 * @param keyIndex key index from the card profile
 * @param algorithm block cipher of the card profile
 * @param cardIdCode the card identification code (EF05 tag 01): diversification data
 * @param cardAtr the card's ATR, so a training module can refuse real cards
 * @param challenge the card's GET CHALLENGE answer, used as the MAC's initial vector
 * @param macInput header and data to authenticate (unpadded; the module pads per ISO 9797-1 method
 *     2). May contain a PIN block: the module wipes nothing it does not own, the caller wipes it.
 */
public record MacRequest(
    MacPurpose purpose,
    int keyIndex,
    CipherAlgorithm algorithm,
    String cardIdCode,
    byte[] cardAtr,
    byte[] challenge,
    byte[] macInput) {

  /** Key family of a privileged command. */
  public enum MacPurpose {
    RESET_PIN,
    UNBLOCK_PIN
  }

  @Override
  public String toString() {
    return "MacRequest[" + purpose + ", key " + keyIndex + ", " + algorithm + "]";
  }
}
