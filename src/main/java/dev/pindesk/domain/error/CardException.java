package dev.pindesk.domain.error;

import dev.pindesk.domain.card.ElementDecodingException;
import dev.pindesk.domain.card.SscElement;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A typed failure of the card layer. The message is technical detail for logs (never secrets); the
 * clerk sees the translated text of {@link CardErrorCode#messageKey()}.
 */
public final class CardException extends Exception {
  private static final long serialVersionUID = 1L;

  private final CardErrorCode code;
  private final int triesLeft;
  private final transient SscElement element;

  public CardException(CardErrorCode code, String detail) {
    this(code, detail, -1, null, null);
  }

  public CardException(CardErrorCode code, String detail, Throwable cause) {
    this(code, detail, -1, null, cause);
  }

  private CardException(
      CardErrorCode code, String detail, int triesLeft, SscElement element, Throwable cause) {
    super(code.wireName() + ": " + detail, cause);
    this.code = Objects.requireNonNull(code);
    this.triesLeft = triesLeft;
    this.element = element;
  }

  /**
   * A data element that is missing ({@code ELEMENT_MISSING}) or cannot be decoded ({@code
   * ELEMENT_MALFORMED}), naming it for the clerk.
   */
  public static CardException element(ElementDecodingException e) {
    return new CardException(
        e.missing() ? CardErrorCode.ELEMENT_MISSING : CardErrorCode.ELEMENT_MALFORMED,
        e.getMessage(),
        -1,
        e.element(),
        e);
  }

  /** Wrong PIN with the number of tries the card reports as left. */
  public static CardException pinWrong(int triesLeft) {
    return new CardException(
        CardErrorCode.PIN_WRONG, "wrong PIN, " + triesLeft + " tries left", triesLeft, null, null);
  }

  /**
   * The card refused the security module's key ({@code 63 Cx} after an authentication command) with
   * {@code triesLeft} tries of that key left.
   */
  public static CardException keyRefused(int triesLeft) {
    return new CardException(
        CardErrorCode.CARD_KEY_REFUSED,
        "card refused the key, " + triesLeft + " tries of the key left",
        triesLeft,
        null,
        null);
  }

  public CardErrorCode code() {
    return code;
  }

  /** The data element the failure is about, for the element codes. */
  public Optional<SscElement> element() {
    return Optional.ofNullable(element);
  }

  /**
   * Tries left: of the PIN for {@link CardErrorCode#PIN_WRONG}, of the card's key for {@link
   * CardErrorCode#CARD_KEY_REFUSED}.
   */
  public OptionalInt triesLeft() {
    return triesLeft < 0 ? OptionalInt.empty() : OptionalInt.of(triesLeft);
  }
}
