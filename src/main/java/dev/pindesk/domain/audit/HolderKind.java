package dev.pindesk.domain.audit;

import java.util.Locale;

/** Who is at the counter: the card holder in person or an agent on their behalf. */
public enum HolderKind {
  IN_PERSON,
  AGENT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
