package dev.pindesk.ports;

import dev.pindesk.domain.CipherAlgorithm;
import java.util.Arrays;
import java.util.Objects;

/**
 * Which card key a security module must use, and the data it diversifies that key from — the
 * "algorithm | key address | diversification data" a card-management service receives (national
 * interface, HSM path) and a PSAM's INIT FOR DESCRYPT carries.
 *
 * @param purpose key family
 * @param keyIndex key number / address from the card profile
 * @param algorithm the card's block cipher
 * @param cardIdCode card identification code (EF05 tag 01), the diversification data
 * @param cardNumber card number (EF05 tag 07), sent with the code to a card-management service
 * @param cardAtr the card's ATR (the "card reset information"), so a training module can refuse
 *     real cards
 */
public record CardKeyAddress(
    KeyPurpose purpose,
    int keyIndex,
    CipherAlgorithm algorithm,
    String cardIdCode,
    String cardNumber,
    byte[] cardAtr) {

  public CardKeyAddress {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(cardIdCode, "cardIdCode");
    Objects.requireNonNull(cardNumber, "cardNumber");
    cardAtr = Objects.requireNonNull(cardAtr, "cardAtr").clone();
    if (keyIndex < 0 || keyIndex > 0xFF) {
      throw new IllegalArgumentException("key index must be 0 to 255");
    }
  }

  @Override
  public byte[] cardAtr() {
    return cardAtr.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CardKeyAddress a
        && purpose == a.purpose
        && keyIndex == a.keyIndex
        && algorithm == a.algorithm
        && cardIdCode.equals(a.cardIdCode)
        && cardNumber.equals(a.cardNumber)
        && Arrays.equals(cardAtr, a.cardAtr);
  }

  @Override
  public int hashCode() {
    return Objects.hash(purpose, keyIndex, algorithm, cardIdCode, cardNumber)
        + 31 * Arrays.hashCode(cardAtr);
  }

  /** Key address only: the card's identifiers stay out of logs. */
  @Override
  public String toString() {
    return "CardKeyAddress[" + purpose + ", key " + keyIndex + ", " + algorithm + "]";
  }
}
