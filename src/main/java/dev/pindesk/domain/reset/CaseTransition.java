package dev.pindesk.domain.reset;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a case as the journal records it. Never holds a PIN, a full ID number or a name:
 * people appear only in the masked forms of {@link dev.pindesk.domain.id.Mask}. A refused step has
 * {@code from == to}.
 *
 * @param caseId the case
 * @param service the service of the case
 * @param holderKind in person or by agent
 * @param clerk the clerk's id (staff id, not personal data of a citizen)
 * @param from state before
 * @param to state after
 * @param at when (UTC instant)
 * @param step the step that caused it
 * @param outcome how it ended
 * @param errorCode stable lower-case code ({@code ssn_mismatch}, {@code card_removed}, ...), empty
 *     when none
 * @param maskedHolderId holder's ID number masked, empty before the ID check
 * @param maskedAgentId agent's ID number masked, empty when none
 * @param parties the checked documents in full, {@code null} before the ID check: for the encrypted
 *     journal only, never for logs or screens ({@link CaseParties} does not print them)
 */
public record CaseTransition(
    String caseId,
    ServiceKind service,
    HolderKind holderKind,
    String clerk,
    CaseState from,
    CaseState to,
    Instant at,
    CaseStep step,
    CaseOutcome outcome,
    String errorCode,
    String maskedHolderId,
    String maskedAgentId,
    CaseParties parties) {

  /** The documents checked, once the ID check happened. */
  public java.util.Optional<CaseParties> checkedParties() {
    return java.util.Optional.ofNullable(parties);
  }

  public CaseTransition {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(holderKind, "holderKind");
    Objects.requireNonNull(clerk, "clerk");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(maskedHolderId, "maskedHolderId");
    Objects.requireNonNull(maskedAgentId, "maskedAgentId");
  }
}
