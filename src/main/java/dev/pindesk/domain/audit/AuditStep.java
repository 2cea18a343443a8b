package dev.pindesk.domain.audit;

import java.util.Locale;

/**
 * What happened: the steps of a counter case and of a clerk session. The wire name (lower case) is
 * stable: it is written into sealed journal entries that auditors read years later.
 */
public enum AuditStep {
  CASE_OPENED,
  ID_CHECKED,
  AGENT_ID_CHECKED,
  CARD_READ,
  IDENTITY_BOUND,
  PIN_CAPTURED,
  /** The card was read again before writing: the card-swap guard. */
  CARD_REREAD,
  PIN_WRITTEN,
  /**
   * The write was sent but its answer was lost: the card must be re-read, never written blindly.
   */
  IN_DOUBT,
  IN_DOUBT_RESOLVED,
  RECEIPT_PRINTED,
  CASE_CLOSED,
  CASE_CANCELLED,
  STEP_FAILED,
  APP_STARTED,
  APP_STOPPED,
  CLERK_SIGNED_IN,
  CLERK_SIGNED_OUT;

  /** True for session events, which belong to no case. */
  public boolean isSession() {
    return this == APP_STARTED
        || this == APP_STOPPED
        || this == CLERK_SIGNED_IN
        || this == CLERK_SIGNED_OUT;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
