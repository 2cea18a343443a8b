package dev.pindesk.service;

/**
 * What the status bar says about the security module: a message key, how healthy that is, and a
 * technical detail for the tooltip (module and reader names; never key material).
 */
public record SecurityModuleStatus(String messageKey, Health health, String detail) {

  /** How the segment is shown. */
  public enum Health {
    OK,
    WARNING,
    ERROR
  }

  public static SecurityModuleStatus ok(String messageKey, String detail) {
    return new SecurityModuleStatus(messageKey, Health.OK, detail);
  }
}
