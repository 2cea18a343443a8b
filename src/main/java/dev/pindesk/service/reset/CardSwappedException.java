package dev.pindesk.service.reset;

/**
 * The card in the reader is not the card the case was bound to (different identification code or
 * SSN): a card was swapped between binding and writing. Carries no card or personal data.
 */
public final class CardSwappedException extends Exception {
  private static final long serialVersionUID = 1L;

  public CardSwappedException() {
    super("card_swapped: the card in the reader is not the card bound to the case");
  }
}
