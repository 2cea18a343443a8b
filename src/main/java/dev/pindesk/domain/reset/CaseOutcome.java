package dev.pindesk.domain.reset;

import java.util.Locale;

/** How a step ended. A refused step keeps the state; the error code says why. */
public enum CaseOutcome {
  OK,
  /** The step was refused or failed definitely; the case stays or steps back. */
  REFUSED,
  /** The write's answer was lost. */
  IN_DOUBT,
  CANCELLED;

  /** Stable lower-case name for the journal. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
