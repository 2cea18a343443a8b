package dev.pindesk.service.audit;

import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.ErrorCode;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.audit.Person;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.ports.JournalStore;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The fast path of {@code training generate-journal --synthetic}: events <em>synthesised</em> in
 * the order the wizard would journal them, without the case service, the card or the security
 * module — for the very large journals of benchmarks (about 1.7× faster than {@link
 * TrainingJournalGenerator}, which serves real cases: the journal's own encryption and hashing
 * dominate both). Clerk sessions with cases of every service and holder kind and every kind of
 * failure (ID, agent, card, identity binding, PIN entry, card swap, write, in-doubt writes,
 * receipt), customer cancellations — same seed, same events. Simulated time advances on a {@link
 * SteppingClock} that the journal should use.
 */
public final class SyntheticJournalGenerator {
  private static final List<ErrorCode> CARD_READ_ERRORS =
      List.of(
          ErrorCode.of(CardErrorCode.CARD_MUTE),
          ErrorCode.of(CardErrorCode.WRONG_CARD),
          ErrorCode.of(CardErrorCode.CARD_REMOVED),
          ErrorCode.of(CardErrorCode.APP_LOCKED),
          ErrorCode.of(CardErrorCode.NO_CARD),
          ErrorCode.CARD_EXPIRED);
  private static final List<ErrorCode> PIN_ERRORS =
      List.of(ErrorCode.WEAK_PIN, ErrorCode.PIN_MISMATCH, ErrorCode.PIN_PAD_TIMEOUT);
  private static final List<ErrorCode> WRITE_ERRORS =
      List.of(
          ErrorCode.of(CardErrorCode.AUTHENTICATION_FAILED),
          ErrorCode.of(CardErrorCode.SECURITY_MODULE_UNAVAILABLE),
          ErrorCode.of(CardErrorCode.CARD_REMOVED),
          ErrorCode.of(CardErrorCode.PIN_BLOCKED));

  private final Random random;
  private final SteppingClock clock;
  private final JournalStore journal;
  private String clerk = "clerk-01";
  private int caseNumber;
  private long events;

  public SyntheticJournalGenerator(long seed, SteppingClock clock, JournalStore journal) {
    this.random = new Random(seed);
    this.clock = clock;
    this.journal = journal;
  }

  /** Appends {@code cases} cases in sessions of about 20; returns the number of events. */
  public long generate(int cases) throws JournalException {
    session(AuditStep.APP_STARTED, "system");
    while (caseNumber < cases) {
      clerk = String.format(java.util.Locale.ROOT, "clerk-%02d", 1 + random.nextInt(12));
      session(AuditStep.CLERK_SIGNED_IN, clerk);
      int inSession = 5 + random.nextInt(30);
      for (int i = 0; i < inSession && caseNumber < cases; i++) {
        runCase();
        clock.advance(Duration.ofSeconds(30 + random.nextInt(600)));
      }
      session(AuditStep.CLERK_SIGNED_OUT, clerk);
    }
    session(AuditStep.APP_STOPPED, "system");
    return events;
  }

  private void session(AuditStep step, String who) throws JournalException {
    append(AuditEvent.session(step, AuditOutcome.OK, who));
  }

  private void runCase() throws JournalException {
    caseNumber++;
    int r = random.nextInt(100);
    ServiceKind service =
        r < 60 ? ServiceKind.RESET : r < 90 ? ServiceKind.UNLOCK : ServiceKind.CHANGE_INITIAL;
    HolderKind holder = random.nextInt(100) < 15 ? HolderKind.AGENT : HolderKind.IN_PERSON;
    Case c = new Case(String.format(java.util.Locale.ROOT, "C%08d", caseNumber), service, holder);
    Person person = TrainingPeople.next(random);
    c.step(AuditStep.CASE_OPENED, AuditOutcome.OK, null, null);
    if (fails(2)) {
      c.fail(AuditStep.ID_CHECKED, ErrorCode.ID_EXPIRED, person);
      return;
    }
    c.step(AuditStep.ID_CHECKED, AuditOutcome.OK, null, person);
    if (holder == HolderKind.AGENT) {
      Person agent = TrainingPeople.next(random);
      if (fails(5)) {
        c.fail(AuditStep.AGENT_ID_CHECKED, ErrorCode.AGENT_NOT_AUTHORISED, agent);
        return;
      }
      c.step(AuditStep.AGENT_ID_CHECKED, AuditOutcome.OK, null, agent);
    }
    if (fails(6)) {
      c.fail(AuditStep.CARD_READ, pick(CARD_READ_ERRORS), person);
      return;
    }
    c.step(AuditStep.CARD_READ, AuditOutcome.OK, null, person);
    if (fails(2)) {
      c.fail(AuditStep.IDENTITY_BOUND, ErrorCode.SSN_MISMATCH, person);
      return;
    }
    c.step(AuditStep.IDENTITY_BOUND, AuditOutcome.OK, null, person);
    while (fails(12)) {
      c.step(AuditStep.PIN_CAPTURED, AuditOutcome.FAILED, pick(PIN_ERRORS), person);
    }
    if (fails(3)) {
      c.step(AuditStep.CASE_CANCELLED, AuditOutcome.CANCELLED, null, person);
      return;
    }
    c.step(AuditStep.PIN_CAPTURED, AuditOutcome.OK, null, person);
    if (fails(1)) {
      c.fail(AuditStep.CARD_REREAD, ErrorCode.CARD_SWAPPED, person);
      return;
    }
    c.step(AuditStep.CARD_REREAD, AuditOutcome.OK, null, person);
    if (fails(2)) {
      c.step(
          AuditStep.IN_DOUBT, AuditOutcome.FAILED, ErrorCode.of(CardErrorCode.CARD_MUTE), person);
      c.step(AuditStep.IN_DOUBT_RESOLVED, AuditOutcome.OK, null, person);
    } else if (fails(3)) {
      c.fail(AuditStep.PIN_WRITTEN, pick(WRITE_ERRORS), person);
      return;
    } else {
      c.step(AuditStep.PIN_WRITTEN, AuditOutcome.OK, null, person);
    }
    if (fails(2)) {
      c.step(AuditStep.STEP_FAILED, AuditOutcome.FAILED, new ErrorCode("printer_error"), person);
    } else {
      c.step(AuditStep.RECEIPT_PRINTED, AuditOutcome.OK, null, person);
    }
    c.step(AuditStep.CASE_CLOSED, AuditOutcome.OK, null, person);
  }

  private boolean fails(int percent) {
    return random.nextInt(100) < percent;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private void append(AuditEvent event) throws JournalException {
    journal.append(event);
    events++;
    clock.advance(Duration.ofMillis(800 + random.nextInt(40_000)));
  }

  /** One case in progress. */
  private final class Case {
    private final String id;
    private final ServiceKind service;
    private final HolderKind holder;

    Case(String id, ServiceKind service, HolderKind holder) {
      this.id = id;
      this.service = service;
      this.holder = holder;
    }

    void step(AuditStep step, AuditOutcome outcome, ErrorCode error, Person person)
        throws JournalException {
      AuditEvent e = AuditEvent.caseStep(id, service, holder, step, outcome, clerk);
      if (error != null) {
        e = e.withError(error);
      }
      if (person != null) {
        e = step == AuditStep.AGENT_ID_CHECKED ? e.withAgent(person) : e.withCardHolder(person);
      }
      append(e);
    }

    /** The step fails and the case ends. */
    void fail(AuditStep step, ErrorCode error, Person person) throws JournalException {
      step(step, AuditOutcome.FAILED, error, person);
      step(AuditStep.CASE_CANCELLED, AuditOutcome.CANCELLED, null, null);
    }
  }
}
