package dev.pindesk.service.audit;

import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.audit.Person;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.id.CitizenId;
import dev.pindesk.domain.id.IdDocument;
import dev.pindesk.domain.pin.PinEntryResult;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.BindingIssue;
import dev.pindesk.domain.reset.BindingResult;
import dev.pindesk.domain.reset.CancelReason;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.ports.CaseJournal;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.ports.SecurityModule;
import dev.pindesk.service.reset.ResetCaseConfig;
import dev.pindesk.service.reset.ResetCaseDevices;
import dev.pindesk.service.reset.ResetCaseService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic training journals made by <em>serving</em> cases: every case goes through the real
 * {@link ResetCaseService} — ID check, card read over a reader, identity binding, the PIN policy,
 * the write through the security module with its card-swap guard, in-doubt resolution, receipt,
 * close or cancel — against training cards from a {@link TrainingCardDesk}, and the journal holds
 * exactly what the service recorded. Clerk sessions with cases of every service and holder kind;
 * failures: unreadable card, expired card, someone else's card, an expired ID of the holder or the
 * agent, an agent for a card of a region where agents may not act ({@link #AGENT_REGIONS}), weak
 * and mismatched PINs, the customer PIN pad timing out, the citizen withdrawing, a card swapped
 * before the write, a lost write answer (in doubt), a printer error. Each is recorded by the
 * service call the wizard makes when it happens. Same seed, same events; simulated time advances on
 * a {@link SteppingClock} that the journal should use.
 *
 * <p>For very large benchmark journals {@link SyntheticJournalGenerator} is the fast path.
 */
public final class TrainingJournalGenerator {
  /**
   * The training counter's region policy for agents: six of the eight regions of {@link
   * TrainingPeople} (cards of Xi'an, 6101, and Qingdao, 3702, are refused to agents).
   */
  public static final AgentPolicy AGENT_REGIONS = AgentPolicy.parse("11,31,44,51,33,42");

  private static final List<String> STRONG_PINS =
      List.of("385217", "604918", "729164", "472913", "918364", "530861");

  private final Random random;
  private final SteppingClock clock;
  private final CountingJournal journal;
  private final TrainingCardDesk desk;
  private final ResetCaseService cases;
  private String clerk = "clerk-01";
  private int caseNumber;

  /**
   * @param module the security module that computes the write MACs (the training one)
   * @param profiles card profiles, as at the counter
   */
  public TrainingJournalGenerator(
      long seed,
      SteppingClock clock,
      JournalStore journal,
      TrainingCardDesk desk,
      SecurityModule module,
      CardProfiles profiles) {
    this.random = new Random(seed);
    this.clock = clock;
    this.journal = new CountingJournal(journal);
    this.desk = desk;
    this.cases =
        new ResetCaseService(
            new ResetCaseDevices(desk.terminals(), module, new CaseAuditRecorder(this.journal)),
            profiles,
            new ResetCaseConfig(AGENT_REGIONS, true),
            new CaseIds("TRAINING", clock, new Random(seed ^ 0x5eed)),
            clock);
  }

  /** Serves {@code cases} cases in sessions of 5 to 34; returns the number of events. */
  public long generate(int count) throws JournalException {
    session(AuditStep.APP_STARTED, "system");
    while (caseNumber < count) {
      clerk = String.format(Locale.ROOT, "clerk-%02d", 1 + random.nextInt(12));
      session(AuditStep.CLERK_SIGNED_IN, clerk);
      int inSession = 5 + random.nextInt(30);
      for (int i = 0; i < inSession && caseNumber < count; i++) {
        try {
          serveCase();
        } catch (CaseJournal.NotRecordedException e) {
          throw e.getCause() instanceof JournalException j
              ? j
              : new JournalException(e.getMessage(), e);
        }
        clock.advance(Duration.ofSeconds(30 + random.nextInt(600)));
      }
      session(AuditStep.CLERK_SIGNED_OUT, clerk);
    }
    session(AuditStep.APP_STOPPED, "system");
    return journal.events;
  }

  private void session(AuditStep step, String who) throws JournalException {
    journal.append(AuditEvent.session(step, AuditOutcome.OK, who));
  }

  private void serveCase() {
    caseNumber++;
    int r = random.nextInt(100);
    ServiceKind service =
        r < 60 ? ServiceKind.RESET : r < 90 ? ServiceKind.UNLOCK : ServiceKind.CHANGE_INITIAL;
    HolderKind kind = random.nextInt(100) < 15 ? HolderKind.AGENT : HolderKind.IN_PERSON;
    Person holder = TrainingPeople.next(random);
    cases.open(service, kind, clerk);
    // An expired ID the clerk let through is refused when the card is bound (id_expired).
    IdDocument holderId = document(holder, fails(2));
    cases.checkId(
        kind == HolderKind.AGENT
            ? CaseParties.byAgent(holderId, document(TrainingPeople.next(random), fails(3)))
            : CaseParties.inPerson(holderId));

    TrainingCardDesk.Card card =
        service == ServiceKind.UNLOCK
            ? TrainingCardDesk.Card.PIN_BLOCKED
            : TrainingCardDesk.Card.GOOD;
    Person onCard = holder;
    int trouble = random.nextInt(100);
    if (trouble < 4) {
      card = TrainingCardDesk.Card.MUTE;
    } else if (trouble < 6) {
      card = TrainingCardDesk.Card.EXPIRED;
    } else if (trouble < 8) {
      onCard = TrainingPeople.next(random); // the citizen brought someone else's card
    }
    desk.insert(onCard, card);
    try {
      cases.readCard(desk.reader());
    } catch (CardException e) {
      cases.cancel(CancelReason.CARD_UNSERVICEABLE);
      return;
    }
    BindingResult binding = cases.bind(false);
    if (!binding.canBind(false)) {
      cases.cancel(
          binding.firstIssue().orElseThrow() == BindingIssue.AGENT_NOT_ALLOWED
              ? CancelReason.AGENT_NOT_ALLOWED
              : CancelReason.IDENTITY_NOT_ESTABLISHED);
      return;
    }
    if (service == ServiceKind.CHANGE_INITIAL) {
      cases.captureOldPin(pin("123456")); // the citizen types the card's initial PIN
    }
    while (fails(12)) {
      refusedPinEntry();
    }
    if (fails(3)) { // the citizen hesitated at the customer PIN pad; the entry starts again
      cases.pinPadTimedOut();
    }
    if (fails(3)) {
      cases.cancel(CancelReason.CITIZEN_WITHDREW);
      return;
    }
    if (!captureNewPin()) {
      cases.cancel(CancelReason.CITIZEN_WITHDREW);
      return;
    }
    write(holder);
  }

  private void write(Person holder) {
    if (fails(1)) { // another card in the reader before the write: the swap guard refuses
      desk.insert(TrainingPeople.next(random), TrainingCardDesk.Card.GOOD);
      cases.write();
      cases.cancel(CancelReason.CLERK_ABORTED);
      return;
    }
    CaseState after;
    if (fails(2)) {
      desk.loseNextWriteAnswer();
      after = cases.write().to();
      if (after == CaseState.IN_DOUBT) {
        after = cases.resolveInDoubt().to();
      }
    } else {
      after = cases.write().to();
    }
    if (after != CaseState.WRITTEN) {
      cases.cancel(CancelReason.TECHNICAL_FAILURE);
      return;
    }
    if (!fails(10)) { // most citizens take a printed receipt
      if (fails(3)) { // out of paper, jammed: printed again after the clerk fixed it
        cases.receiptNotPrinted();
      }
      cases.receiptPrinted();
    }
    cases.close();
  }

  /** A first entry the policy refuses (the initial PIN), or two entries that differ. */
  private void refusedPinEntry() {
    if (random.nextBoolean()) {
      try (Pin weak = pin("123456")) {
        cases.checkFirstPin(weak);
      }
    } else {
      String first = strongPin();
      String second = strongPin();
      while (second.equals(first)) {
        second = strongPin();
      }
      cases.capturePin(pin(first), pin(second));
    }
  }

  /** Two equal entries of a strong PIN; a few tries when one happens to be weak for the holder. */
  private boolean captureNewPin() {
    for (int i = 0; i < 4; i++) {
      String digits = strongPin();
      Pin first = pin(digits);
      if (!(cases.checkFirstPin(first) instanceof PinEntryResult.Accepted)) {
        first.close();
        continue;
      }
      if (cases.capturePin(first, pin(digits)) instanceof PinEntryResult.Accepted) {
        return true;
      }
    }
    return false;
  }

  private String strongPin() {
    return STRONG_PINS.get(random.nextInt(STRONG_PINS.size()));
  }

  private static Pin pin(String digits) {
    return Pin.of(digits.toCharArray());
  }

  /** The citizen's ID card as the clerk checked it: long-term, or {@code expired} days ago. */
  private IdDocument document(Person person, boolean expired) {
    LocalDate today = LocalDate.now(clock);
    return new IdDocument(
        CitizenId.parse(person.idNumber(), today),
        expired ? today.minusDays(1 + random.nextInt(400)) : LocalDate.MAX,
        person.name());
  }

  private boolean fails(int percent) {
    return random.nextInt(100) < percent;
  }

  /** Counts the events and lets simulated time pass between them, as between a clerk's steps. */
  private final class CountingJournal implements JournalStore {
    private final JournalStore delegate;
    private long events;

    CountingJournal(JournalStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public long append(AuditEvent event) throws JournalException {
      long seq = delegate.append(event);
      events++;
      clock.advance(Duration.ofMillis(800 + random.nextInt(40_000)));
      return seq;
    }

    @Override
    public void checkpoint() throws JournalException {
      delegate.checkpoint();
    }

    @Override
    public void close() throws JournalException {
      delegate.close();
    }
  }
}
