package dev.pindesk.service.counter;

/** How a PIN entry ended. */
public enum PinEntryOutcome {
  /** Both entries matched and the policy accepted the PIN: the case holds it for the write. */
  ACCEPTED,
  /** The citizen did not finish in time (journaled as {@code pin_pad_timeout}). */
  TIMED_OUT,
  /** The clerk or the citizen cancelled. */
  CANCELLED,
  /** The PIN pad cannot be used. */
  UNAVAILABLE
}
