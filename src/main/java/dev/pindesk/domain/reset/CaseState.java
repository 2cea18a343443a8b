package dev.pindesk.domain.reset;

/**
 * States of a {@link ResetCase}. The happy path runs from {@link #OPENED} to {@link #CLOSED};
 * {@link #CANCELLED} and {@link #CLOSED} are final.
 */
public enum CaseState {
  OPENED,
  /** The holder's (and agent's) ID number passed its checks. */
  ID_CHECKED,
  /** The card was read; it is not yet known to belong to the holder. */
  CARD_READ,
  /** ID and card agree: the card may be written. */
  IDENTITY_BOUND,
  /** The citizen entered an acceptable new PIN twice. */
  PIN_CAPTURED,
  /** The card confirmed the write (or a verify after an in-doubt write proved it). */
  WRITTEN,
  /**
   * The write was sent but its answer was lost: resolve by re-reading, never by writing blindly.
   */
  IN_DOUBT,
  CLOSED,
  CANCELLED;

  /** No transition leaves a final state. */
  public boolean isFinal() {
    return this == CLOSED || this == CANCELLED;
  }

  /**
   * Whether the case may be cancelled here: every non-final state but {@link #WRITTEN} (the PIN is
   * on the card then; the case can only be closed). Cancelling {@link #IN_DOUBT} leaves the doubt
   * in the journal for follow-up.
   */
  public boolean isCancellable() {
    return !isFinal() && this != WRITTEN;
  }
}
