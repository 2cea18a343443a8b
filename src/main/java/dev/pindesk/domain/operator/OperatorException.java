package dev.pindesk.domain.operator;

import java.util.Locale;
import java.util.Objects;

/**
 * An operator directory operation that cannot be done. The message names the operator id (or the
 * store) and never a password; the message key is {@code operator.error.<reason in lower case>},
 * formatted with {@link #subject()}.
 */
public final class OperatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** {@code add} of an id that is already taken. */
    ALREADY_EXISTS,
    /** The id names no operator. */
    NOT_FOUND,
    /** The store cannot be opened, read or written (subject: the store). */
    STORE_FAILED
  }

  private final Reason reason;
  private final String subject;

  public OperatorException(Reason reason, String subject) {
    this(reason, subject, null);
  }

  public OperatorException(Reason reason, String subject, Throwable cause) {
    super(
        Objects.requireNonNull(reason, "reason").name().toLowerCase(Locale.ROOT) + ": " + subject,
        cause);
    this.reason = reason;
    this.subject = subject;
  }

  public Reason reason() {
    return reason;
  }

  /** The operator id, or the store's location for {@link Reason#STORE_FAILED}. */
  public String subject() {
    return subject;
  }

  public String messageKey() {
    return "operator.error." + reason.name().toLowerCase(Locale.ROOT);
  }
}
