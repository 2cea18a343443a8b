package dev.pindesk.service.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfReceiptRenderer;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.id.CitizenId;
import dev.pindesk.domain.id.IdDocument;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.pin.CitizenNumbers;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.ports.CitizenPinEntry;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.ports.PinPad;
import dev.pindesk.service.SecurityModuleFeed;
import dev.pindesk.service.SecurityModuleStatus;
import dev.pindesk.service.reset.ResetCaseConfig;
import dev.pindesk.service.reset.ResetCaseDevices;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.service.signin.IdleLock;
import dev.pindesk.service.signin.SignInService;
import dev.pindesk.service.sync.SyncStatusFeed;
import dev.pindesk.testing.InMemoryOperatorDirectory;
import dev.pindesk.testing.TrainingCards;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter session on its own: the real case service over the in-process training card and the
 * training module, a journal in memory, and executors the test controls.
 */
class LocalCounterSessionTest {
  private static final String READER = InProcessCardTerminals.DEFAULT_READER;
  private static final Clock CLOCK = Clock.systemDefaultZone();
  private static final IdDocument HOLDER =
      new IdDocument(
          CitizenId.parse("110101198604120243", LocalDate.now(CLOCK)), LocalDate.MAX, "李秀英");

  @TempDir Path dir;

  private final InProcessCardTerminals cards = new InProcessCardTerminals();
  private final List<CaseTransition> transitions = new ArrayList<>();
  private final List<AuditEvent> sessionEvents = new ArrayList<>();
  private final List<String> seen = new ArrayList<>();
  private final Pad pad = new Pad();
  private final HeldExecutor caseThread = new HeldExecutor();
  private final HeldExecutor clerkThread = new HeldExecutor();
  private final InMemoryOperatorDirectory operators = new InMemoryOperatorDirectory();

  private LocalCounterSession session() {
    ResetCaseService cases =
        new ResetCaseService(
            new ResetCaseDevices(cards, new TrainingSecurityModule(), transitions::add),
            CardProfiles.builtIn(),
            new ResetCaseConfig(AgentPolicy.everywhere(), true),
            new CaseIds("T1", CLOCK, new Random(3)),
            CLOCK);
    JournalStore journal =
        new JournalStore() {
          @Override
          public long append(AuditEvent event) {
            sessionEvents.add(event);
            return sessionEvents.size();
          }

          @Override
          public void checkpoint() {}

          @Override
          public void close() {}
        };
    LocalCounterSession s =
        new LocalCounterSession(
            new LocalCounterSession.Parts(
                new CounterInfo(false, "WS-T", "journal.db", "status.sm.training", false),
                cases,
                cards,
                new CitizenPinEntry.OnPad(pad),
                new PdfReceiptRenderer(dir, CjkFont.bundled()),
                new SignInService(operators, CLOCK),
                new IdleLock(CLOCK),
                journal,
                SyncStatusFeed.NOT_CONFIGURED,
                SecurityModuleFeed.fixed(SecurityModuleStatus.ok("status.sm.training", "")),
                CLOCK),
            new SessionExecutors(caseThread, clerkThread, Runnable::run));
    s.subscribe(this::record);
    return s;
  }

  private void record(CounterEvent e) {
    if (e instanceof CounterEvent.CaseChanged c) {
      seen.add("case:" + c.caseNow().map(x -> x.state().name()).orElse("none"));
    } else if (e instanceof CounterEvent.PinEntryProgress p) {
      seen.add(
          "pin:" + p.entry() + "/" + p.digits() + p.restartReason().map(r -> " " + r).orElse(""));
    } else {
      seen.add(e.getClass().getSimpleName());
    }
  }

  private void bound(CounterSession s) {
    cards.insert(READER, VirtualSscCard.fromSpec(TrainingCards.spec(TrainingCards.GEN3_SM4)));
    s.openCase(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
    s.checkId(CaseParties.inPerson(HOLDER), CitizenNumbers.NONE);
    CardBinding read = s.readCard(false).toCompletableFuture().join();
    assertThat(read.binding().issues()).isEmpty();
    seen.clear();
  }

  @Test
  void everyCaseRequestPublishesTheCaseBeforeItsReplyCompletes() {
    LocalCounterSession s = session();
    List<String> order = new ArrayList<>();
    s.subscribe(e -> order.add(e.getClass().getSimpleName()));
    s.openCase(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7")
        .thenAccept(c -> order.add("reply " + c.state()));
    // A new subscriber first hears the current status; then the case, then the reply.
    assertThat(order).containsExactly("SecurityModuleChanged", "CaseChanged", "reply OPENED");
    assertThat(seen).containsExactly("SecurityModuleChanged", "case:OPENED");
  }

  @Test
  void aFailedCaseRequestStillPublishesTheCaseAsItStands() {
    LocalCounterSession s = session();
    s.openCase(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
    seen.clear();
    CompletionStage<CardBinding> read = s.readCard(false); // no card in the reader
    assertThat(read.toCompletableFuture()).isCompletedExceptionally();
    assertThat(seen).containsExactly("case:OPENED");
  }

  @Test
  void theEntryRestartsOnAWeakPinWithItsReasonAndOnlyCountsLeaveTheSession() {
    LocalCounterSession s = session();
    bound(s);
    CompletableFuture<PinEntryOutcome> entry = s.enterPin().toCompletableFuture();
    pad.type("123456"); // the initial PIN: weak
    pad.type("385217");
    pad.type("385217");

    assertThat(entry).isCompletedWithValue(PinEntryOutcome.ACCEPTED);
    assertThat(seen)
        .containsExactly(
            "case:IDENTITY_BOUND",
            "pin:1/0",
            "pin:1/6",
            "case:IDENTITY_BOUND",
            "pin:1/0 pin.weak.initial_pin",
            "pin:1/6 pin.weak.initial_pin",
            "case:IDENTITY_BOUND",
            "pin:2/0",
            "pin:2/6",
            "case:PIN_CAPTURED",
            "pin:0/0");
    assertThat(pad.prompts())
        .containsExactly(
            PinPad.Prompt.NEW_PIN, PinPad.Prompt.NEW_PIN, PinPad.Prompt.CONFIRM_NEW_PIN);
    assertThat(pad.handedOut().get(0).isWiped()).as("the refused entry").isTrue();
  }

  @Test
  void aMismatchStartsAgainFromTheFirstEntry() {
    LocalCounterSession s = session();
    bound(s);
    CompletableFuture<PinEntryOutcome> entry = s.enterPin().toCompletableFuture();
    pad.type("385217");
    pad.type("604918");
    assertThat(entry).isNotDone();
    assertThat(seen).contains("pin:1/0 pin.entry.mismatch");
    assertThat(pad.handedOut()).allMatch(Pin::isWiped);
  }

  @Test
  void aTimedOutEntryIsJournaledAndEnds() {
    LocalCounterSession s = session();
    bound(s);
    CompletableFuture<PinEntryOutcome> entry = s.enterPin().toCompletableFuture();
    pad.timeOut();
    assertThat(entry).isCompletedWithValue(PinEntryOutcome.TIMED_OUT);
    assertThat(transitions.get(transitions.size() - 1).errorCode()).contains("pin_pad_timeout");
  }

  @Test
  void aCancelWhileTheFirstEntryIsCheckedAsksTheCitizenNothingMore() {
    LocalCounterSession s = session();
    bound(s);
    CompletableFuture<PinEntryOutcome> entry = s.enterPin().toCompletableFuture();
    caseThread.hold();
    pad.type("385217"); // its policy check waits for the case thread
    s.cancelPinEntry();
    caseThread.release();

    assertThat(entry).isCompletedWithValue(PinEntryOutcome.CANCELLED);
    assertThat(pad.prompts()).containsExactly(PinPad.Prompt.NEW_PIN);
    assertThat(pad.handedOut()).allMatch(Pin::isWiped);
  }

  @Test
  void aCaseStepStuckOnTheCardDoesNotHoldUpSignIn() {
    operators.add(
        new Operator("clerk7", "Clerk", Operator.Role.CLERK, true, Instant.EPOCH),
        "secret".toCharArray());
    LocalCounterSession s = session();
    caseThread.hold(); // a card command that does not come back
    s.openCase(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");

    char[] password = "secret".toCharArray();
    assertThat(s.signIn("clerk7", password).toCompletableFuture().join().succeeded()).isTrue();
    assertThat(password).containsOnly('\0');
    assertThat(sessionEvents).extracting(e -> e.step().wireName()).contains("clerk_signed_in");
  }

  @Test
  void aClosedCounterAnswersEveryRequestWithAFailureAndWipesThePassword() {
    LocalCounterSession s = session();
    caseThread.reject();
    clerkThread.reject();
    char[] password = "secret".toCharArray();

    assertThat(s.openCase(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7").toCompletableFuture())
        .isCompletedExceptionally();
    assertThat(s.signIn("clerk7", password).toCompletableFuture()).isCompletedExceptionally();
    assertThat(password).containsOnly('\0');
  }

  /** Runs jobs at once, keeps them back while held, or refuses them as a shut-down pool. */
  private static final class HeldExecutor implements Executor {
    private final Deque<Runnable> held = new ArrayDeque<>();
    private boolean holding;
    private boolean rejecting;

    @Override
    public void execute(Runnable job) {
      if (rejecting) {
        throw new RejectedExecutionException("closed");
      }
      if (holding) {
        held.add(job);
      } else {
        job.run();
      }
    }

    void hold() {
      holding = true;
    }

    void release() {
      holding = false;
      while (!held.isEmpty()) {
        held.poll().run();
      }
    }

    void reject() {
      rejecting = true;
    }
  }

  /** The citizen's pad: the test types. */
  private static final class Pad implements PinPad {
    private final List<PinPad.Prompt> prompts = new ArrayList<>();
    private final List<Pin> handedOut = new ArrayList<>();
    private CompletableFuture<Pin> pending;
    private IntConsumer progress;

    @Override
    public CompletionStage<Pin> request(Prompt prompt, int length, IntConsumer progress) {
      prompts.add(prompt);
      this.progress = progress;
      pending = new CompletableFuture<>();
      return pending;
    }

    void type(String digits) {
      progress.accept(digits.length());
      Pin pin = Pin.of(digits.toCharArray());
      handedOut.add(pin);
      pending.complete(pin);
    }

    void timeOut() {
      pending.completeExceptionally(new PinPadException(Failure.TIMEOUT));
    }

    @Override
    public void cancel() {
      if (pending != null) {
        pending.completeExceptionally(new PinPadException(Failure.CANCELLED));
      }
    }

    @Override
    public String description() {
      return "test pad";
    }

    List<PinPad.Prompt> prompts() {
      return prompts;
    }

    List<Pin> handedOut() {
      return handedOut;
    }
  }
}
