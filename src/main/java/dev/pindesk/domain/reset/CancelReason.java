package dev.pindesk.domain.reset;

import java.util.Locale;

/** Why a case was cancelled; its wire name is the transition's error code. */
public enum CancelReason {
  /** The citizen changed their mind or left. */
  CITIZEN_WITHDREW,
  /** The identity could not be established (ID refused, card does not match). */
  IDENTITY_NOT_ESTABLISHED,
  /** The card cannot be served (expired, locked, unsupported): it must be replaced. */
  CARD_UNSERVICEABLE,
  /** Agents may not act for holders in this region. */
  AGENT_NOT_ALLOWED,
  /** The clerk stopped the case (e.g. wrong service chosen). */
  CLERK_ABORTED,
  /** The workstation or a device failed and the case cannot continue. */
  TECHNICAL_FAILURE;

  /** Stable lower-case name, e.g. {@code citizen_withdrew}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
