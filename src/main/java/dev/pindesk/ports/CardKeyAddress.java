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
 * @param context the case's holder and counter data a card-management service also receives ({@link
 *     CaseContext#NONE} when the caller has none)
 */
public record CardKeyAddress(
    KeyPurpose purpose,
    int keyIndex,
    CipherAlgorithm algorithm,
    String cardIdCode,
    String cardNumber,
    byte[] cardAtr,
    CaseContext context) {

  /** Without case context ({@link CaseContext#NONE}): what a PSAM or the training module needs. */
  public CardKeyAddress(
      KeyPurpose purpose,
      int keyIndex,
      CipherAlgorithm algorithm,
      String cardIdCode,
      String cardNumber,
      byte[] cardAtr) {
    this(purpose, keyIndex, algorithm, cardIdCode, cardNumber, cardAtr, CaseContext.NONE);
  }

  public CardKeyAddress {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(cardIdCode, "cardIdCode");
    Objects.requireNonNull(cardNumber, "cardNumber");
    cardAtr = Objects.requireNonNull(cardAtr, "cardAtr").clone();
    Objects.requireNonNull(context, "context");
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
        && Arrays.equals(cardAtr, a.cardAtr)
        && context.equals(a.context);
  }

  @Override
  public int hashCode() {
    return Objects.hash(purpose, keyIndex, algorithm, cardIdCode, cardNumber, context)
        + 31 * Arrays.hashCode(cardAtr);
  }

  /** This address with {@code c} as its case context. */
  public CardKeyAddress withContext(CaseContext c) {
    return new CardKeyAddress(purpose, keyIndex, algorithm, cardIdCode, cardNumber, cardAtr, c);
  }

  /** Key address only: the card's identifiers stay out of logs. */
  @Override
  public String toString() {
    return "CardKeyAddress[" + purpose + ", key " + keyIndex + ", " + algorithm + "]";
  }
}
