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
  UNAVAILABLE,
  /**
   * The citizen will type on the certified reader's keypad during the write; PinDesk will not see
   * the digits and its PIN policy cannot judge them (journaled as {@code policy_not_applied:
   * device_entry}).
   */
  ON_DEVICE
}
