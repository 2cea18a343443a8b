package dev.pindesk.domain.audit;

import java.util.Locale;

/** The PIN service a case performs. Wire names are stable. */
public enum ServiceKind {
  /** Reset a forgotten PIN. */
  RESET,
  /** Unlock a blocked PIN. */
  UNLOCK,
  /** Replace the initial PIN of a new card. */
  CHANGE_INITIAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
