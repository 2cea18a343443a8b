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

  public static AuditOutcome fromWire(String wire) {
    return WireNames.parse(AuditOutcome.class, wire);
  }
}
