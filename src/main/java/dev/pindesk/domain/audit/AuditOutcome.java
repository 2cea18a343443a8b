package dev.pindesk.domain.audit;

import java.util.Locale;

/** How a step ended. Wire names are stable. */
public enum AuditOutcome {
  OK,
  FAILED,
  CANCELLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
