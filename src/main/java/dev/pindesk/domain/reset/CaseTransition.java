package dev.pindesk.domain.reset;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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
 * @param error why the step was refused, not written, left in doubt or cancelled; empty when it
 *     went through
 * @param maskedHolderId holder's ID number masked, empty before the ID check
 * @param maskedAgentId agent's ID number masked, empty when none
 * @param parties the checked documents in full, {@code null} before the ID check: for the encrypted
 *     journal only, never for logs or screens ({@link CaseParties} does not print them)
 * @param policyNotApplied set when the step's PIN could not be judged by the PIN policy, and why
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
    Optional<CaseError> error,
    String maskedHolderId,
    String maskedAgentId,
    CaseParties parties,
    Optional<PolicyNotApplied> policyNotApplied) {

  /** The documents checked, once the ID check happened. */
  public Optional<CaseParties> checkedParties() {
    return Optional.ofNullable(parties);
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
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(maskedHolderId, "maskedHolderId");
    Objects.requireNonNull(maskedAgentId, "maskedAgentId");
    Objects.requireNonNull(policyNotApplied, "policyNotApplied");
  }

  public boolean hasError() {
    return error.isPresent();
  }

  /**
   * The error's stable wire name ({@code ssn_mismatch}, {@code card_removed}, …), empty if none.
   */
  public String errorCode() {
    return error.map(CaseError::wireName).orElse("");
  }
}
