package dev.pindesk.domain.card;

import java.util.Objects;

/**
 * A value of an EF05 / EF06 element that cannot be decoded (or a mandatory one that is missing),
 * naming the element so the clerk's message can say which. The message never repeats the value: it
 * may be personal data.
 */
public final class ElementDecodingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient SscElement element;
  private final boolean missing;

  ElementDecodingException(SscElement element, String problem, boolean missing) {
    super(element.label() + ": " + problem);
    this.element = Objects.requireNonNull(element);
    this.missing = missing;
  }

  /** A mandatory element the card does not carry. */
  public static ElementDecodingException missing(SscElement element) {
    return new ElementDecodingException(element, "missing", true);
  }

  public SscElement element() {
    return element;
  }

  /** True when the element is absent rather than malformed. */
  public boolean missing() {
    return missing;
  }
}
