package dev.pindesk.service.reset;

import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.CaseJournal;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.SecurityModule;
import java.util.Objects;
import java.util.Optional;

/**
 * The ports a reset case works through.
 *
 * @param terminals the PC/SC card readers
 * @param securityModule PSAM / encryption machine (or the training module) for privileged writes
 * @param journal where every transition is made durable
 * @param nationalReader a certified reader driven through its vendor's national-interface library:
 *     when present the case reads and writes the card through it (not over PC/SC) and the citizen
 *     types every PIN on its keypad
 */
public record ResetCaseDevices(
    CardTerminals terminals,
    SecurityModule securityModule,
    CaseJournal journal,
    Optional<NationalReader> nationalReader) {
  public ResetCaseDevices {
    Objects.requireNonNull(terminals, "terminals");
    Objects.requireNonNull(securityModule, "securityModule");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(nationalReader, "nationalReader");
  }

  /** The PC/SC counter: cards over PC/SC, PINs on the customer PIN pad. */
  public ResetCaseDevices(
      CardTerminals terminals, SecurityModule securityModule, CaseJournal journal) {
    this(terminals, securityModule, journal, Optional.empty());
  }
}
