package dev.pindesk.service.reset;

import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.CaseJournal;
import dev.pindesk.ports.SecurityModule;
import java.util.Objects;

/**
 * The ports a reset case works through.
 *
 * @param terminals the card readers
 * @param securityModule PSAM / encryption machine (or the training module) for privileged writes
 * @param journal where every transition is made durable
 */
public record ResetCaseDevices(
    CardTerminals terminals, SecurityModule securityModule, CaseJournal journal) {
  public ResetCaseDevices {
    Objects.requireNonNull(terminals, "terminals");
    Objects.requireNonNull(securityModule, "securityModule");
    Objects.requireNonNull(journal, "journal");
  }
}
