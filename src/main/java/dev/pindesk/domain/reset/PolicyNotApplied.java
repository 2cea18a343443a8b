package dev.pindesk.domain.reset;

import java.util.Locale;

/**
 * Why the PIN policy could not judge a case's new PIN. The journal records it with the step ({@code
 * policy_not_applied: device_entry}) so an auditor can tell which PINs were never checked.
 */
public enum PolicyNotApplied {
  /**
   * The citizen typed the PIN inside a device (a certified reader's keypad behind the national
   * read/write interface) that uses the digits itself and never hands them to PinDesk.
   */
  DEVICE_ENTRY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
