package dev.pindesk.domain.reset;

import java.util.Locale;

/** The step of the wizard that caused a {@link CaseTransition}. */
public enum CaseStep {
  OPEN,
  CHECK_ID,
  READ_CARD,
  BIND,
  CAPTURE_PIN,
  WRITE,
  RESOLVE_IN_DOUBT,
  PRINT_RECEIPT,
  CLOSE,
  CANCEL;

  /** Stable lower-case name for the journal. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
