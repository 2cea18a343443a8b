package dev.pindesk.domain.reset;

import java.util.Locale;

/** The counter services that write a PIN onto the card; they look alike but differ in commands. */
public enum ServiceKind {
  /** Forgotten PIN: a new PIN is written without the old one (privileged, security module). */
  RESET,
  /** Blocked PIN: the retry counter is restored and a new PIN set (privileged). */
  UNLOCK,
  /** The issuing PIN 123456 is changed with the normal CHANGE PIN, knowing the old one. */
  CHANGE_INITIAL;

  /** Stable lower-case name for the journal. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
