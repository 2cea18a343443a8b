package dev.pindesk.service.counter;

import java.util.Objects;

/**
 * What a counter is, as its window shows it.
 *
 * @param production the production counter (real cases); else a training counter, also on real
 *     readers, whose screens and receipts say so
 * @param workstation the workstation id printed on receipts
 * @param journal the name of the audit journal for the status bar
 * @param securityModuleKey message key describing the security module (until its first status)
 * @param syncConfigured whether a central system is configured
 */
public record CounterInfo(
    boolean production,
    String workstation,
    String journal,
    String securityModuleKey,
    boolean syncConfigured) {

  public CounterInfo {
    Objects.requireNonNull(workstation, "workstation");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(securityModuleKey, "securityModuleKey");
  }

  public boolean training() {
    return !production;
  }
}
