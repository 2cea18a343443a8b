package dev.pindesk.service.audit;

import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.ErrorCode;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.audit.Person;
import dev.pindesk.domain.id.IdDocument;
import dev.pindesk.domain.reset.CaseError;
import dev.pindesk.domain.reset.CaseOutcome;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.ports.CaseJournal;
import dev.pindesk.ports.JournalStore;

/**
 * Records every transition of a reset case in the audit journal, durably, before the case (and the
 * UI) moves on. The people of the case go into the event in full: the journal encrypts the whole
 * event, so only the supervisor and the central system can read them.
 */
public final class CaseAuditRecorder implements CaseJournal {
  private final JournalStore journal;

  public CaseAuditRecorder(JournalStore journal) {
    this.journal = journal;
  }

  @Override
  public void record(CaseTransition t) {
    try {
      journal.append(toEvent(t));
    } catch (JournalException e) {
      throw new CaseJournal.NotRecordedException("case " + t.caseId() + " " + t.step(), e);
    }
  }

  /** The journal's event for one transition. */
  static AuditEvent toEvent(CaseTransition t) {
    AuditEvent event =
        AuditEvent.caseStep(
            t.caseId(), t.service(), t.holderKind(), step(t), outcome(t), t.clerk());
    if (t.hasError()) {
      event = event.withError(new ErrorCode(t.errorCode()));
    }
    if (t.policyNotApplied().isPresent()) {
      event = event.withPolicyNotApplied(t.policyNotApplied().get().wireName());
    }
    if (t.checkedParties().isPresent()) {
      CaseParties parties = t.checkedParties().get();
      event = event.withCardHolder(person(parties.holder()));
      if (parties.agent().isPresent()) {
        event = event.withAgent(person(parties.agent().get()));
      }
    }
    return event;
  }

  private static Person person(IdDocument document) {
    return new Person(document.id().value(), document.name());
  }

  private static AuditOutcome outcome(CaseTransition t) {
    if (t.outcome() == CaseOutcome.OK) {
      return AuditOutcome.OK;
    }
    return t.outcome() == CaseOutcome.CANCELLED ? AuditOutcome.CANCELLED : AuditOutcome.FAILED;
  }

  private static AuditStep step(CaseTransition t) {
    if (t.to() == CaseState.IN_DOUBT && t.from() != CaseState.IN_DOUBT) {
      return AuditStep.IN_DOUBT;
    }
    if (t.error().orElse(null) == CaseError.Refusal.CARD_SWAPPED) {
      return AuditStep.CARD_REREAD;
    }
    return switch (t.step()) {
      case OPEN -> AuditStep.CASE_OPENED;
      case CHECK_ID -> AuditStep.ID_CHECKED;
      case READ_CARD -> AuditStep.CARD_READ;
      case BIND -> AuditStep.IDENTITY_BOUND;
      case CAPTURE_PIN -> AuditStep.PIN_CAPTURED;
      case WRITE -> AuditStep.PIN_WRITTEN;
      case RESOLVE_IN_DOUBT -> AuditStep.IN_DOUBT_RESOLVED;
      case PRINT_RECEIPT -> AuditStep.RECEIPT_PRINTED;
      case CLOSE -> AuditStep.CASE_CLOSED;
      case CANCEL -> AuditStep.CASE_CANCELLED;
    };
  }
}
