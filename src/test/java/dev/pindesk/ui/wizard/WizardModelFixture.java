package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfReceiptRenderer;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.id.CitizenId;
import dev.pindesk.domain.reset.BindingIssue;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.PinPad;
import dev.pindesk.ports.ReceiptPrinter;
import dev.pindesk.service.counter.SessionExecutors;
import dev.pindesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's view model without a window or a JavaFX toolkit: the real case service over the
 * in-process virtual card, the real training security module and a real journal, the case steps run
 * on the test's thread ({@link SameThreadExecutor}), and the test types for the citizen on a {@link
 * ScriptedPinPad}. After every test the journal verifies, holds {@link #expectedSteps} and no PIN,
 * and every PIN the citizen typed has been wiped.
 */
abstract class WizardModelFixture {
  static final Sm2KeyPair WORKSTATION = Sm2.generate();
  static final Sm2KeyPair SUPERVISOR = Sm2.generate();
  static final Messages ZH = Messages.of(Locale.SIMPLIFIED_CHINESE);
  static final String READER = "Test Reader";
  static final String HOLDER_ID = "110101198604120243"; // the training card's holder
  static final String HOLDER_NAME = "李秀英";
  static final String AGENT_ID = validId("11010819750315271");
  static final String AGENT_NAME = "王建国";
  static final String NEW_PIN = "385217";
  static final String OTHER_PIN = "604918";
  static final List<String> UNTIL_BOUND =
      List.of("case_opened", "id_checked", "card_read", "identity_bound");
  static final List<String> CLEAN_CASE =
      steps(UNTIL_BOUND, "pin_captured", "pin_written", "case_closed");

  /** A case whose first write failed (not written) and whose second went through. */
  static final List<String> WRITTEN_ON_SECOND_TRY =
      steps(
          UNTIL_BOUND, "pin_captured", "pin_written", "pin_captured", "pin_written", "case_closed");

  /** Every PIN a test types: none may reach the journal, in ASCII or in BCD. */
  static final List<String> PINS = List.of(NEW_PIN, OTHER_PIN, "123456", "860412");

  @TempDir Path dir;
  final InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
  final SameThreadExecutor executor = new SameThreadExecutor();
  final ScriptedPinPad pad = new ScriptedPinPad();

  /** While set, every journal write fails as a full disk would. */
  final AtomicBoolean journalBroken = new AtomicBoolean();

  SqliteJournalStore journal;
  TestCounterCases counter;
  WizardViewModel model;
  List<String> expectedSteps = List.of();

  /** The readers the wizard uses: the in-process virtual reader unless a test says otherwise. */
  CardTerminals cardTerminals() {
    return terminals;
  }

  /**
   * The certified reader the counter drives, if any: none (PC/SC readers and the customer PIN pad)
   * unless a test says otherwise.
   */
  Optional<NationalReader> certifiedReader() {
    return Optional.empty();
  }

  /** The receipts: the real PDF renderer with the bundled font, unless a test says otherwise. */
  ReceiptPrinter receipts() {
    return new PdfReceiptRenderer(dir.resolve("receipts"), CjkFont.bundled());
  }

  @BeforeEach
  void buildWizard() throws Exception {
    Clock clock = Clock.systemDefaultZone();
    counter =
        new TestCounterCases(
            dir,
            WORKSTATION,
            SUPERVISOR,
            cardTerminals(),
            certifiedReader(),
            journalBroken::get,
            clock);
    journal = counter.journal;
    model =
        new WizardViewModel(
            counter.session(
                cardTerminals(),
                pad,
                receipts(),
                new SessionExecutors(executor, executor, executor),
                clock),
            executor,
            clock,
            ZH);
    model.follow();
    model.operatorIdProperty().set("demo");
    model.operatorNameProperty().set("培训操作员 Demo");
  }

  @AfterEach
  void journalVerifiesHoldsTheStepsAndNoPinAndEveryPinIsWiped() throws Exception {
    counter.closeAndCheckJournal(expectedSteps, PINS);
    if (model.caseStateProperty().get().isEmpty()) { // the case has ended
      assertThat(pad.handedOut()).as("every PIN typed is wiped").allMatch(Pin::isWiped);
    }
  }

  /** A GB 11643 number: {@code first17} and its check character. */
  static String validId(String first17) {
    return first17 + CitizenId.checkChar(first17);
  }

  static List<String> steps(List<String> first, String... then) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(then));
    return all;
  }

  /** Puts a fresh card made from {@code spec} into the reader; returns it. */
  VirtualSscCard insert(VirtualCardSpec spec) {
    VirtualSscCard card = VirtualSscCard.fromSpec(spec);
    terminals.insert(READER, card);
    return card;
  }

  /** Chooses the service and holder kind and opens the case: the ID step shows. */
  void openCase(ServiceKind service, HolderKind holder) {
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.SERVICE);
    model.serviceProperty().set(service);
    model.holderProperty().set(holder);
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.ID);
  }

  /** Opens a RESET case for the holder in person and checks the holder's ID. */
  void openResetAndCheckHolder() {
    openCase(ServiceKind.RESET, HolderKind.IN_PERSON);
    enterId(model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    checkIds();
  }

  /** Fills an ID form as the clerk does: number, name, the three visual checks. */
  static void enterId(IdDocumentFormModel form, String id, String name) {
    form.numberProperty().set(id);
    form.nameProperty().set(name);
    form.longTermProperty().set(true);
    form.photoMatchesProperty().set(true);
    form.intactProperty().set(true);
    assertThat(form.completeBinding().get()).as("ID form complete").isTrue();
  }

  /** Next on the complete ID step: the IDs are journaled and the card step shows. */
  void checkIds() {
    model.next();
    assertThat(model.stepProperty().get()).as(this::state).isEqualTo(WizardStep.CARD);
  }

  /** Reads the card; binding succeeds. */
  void readAndBind() {
    model.readCard();
    assertThat(model.bindingProperty().get().map(b -> b.issues()))
        .as(this::state)
        .contains(List.of());
    assertThat(model.caseStateProperty().get()).contains(CaseState.IDENTITY_BOUND);
  }

  /** Next from a bound card step: the PIN pad asks for the first entry. */
  void toPinStep() {
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.PIN);
    assertThat(model.pin().entryProperty().get()).isEqualTo(1);
    assertThat(pad.showing()).isTrue();
  }

  /** Both entries of {@code pin} on the customer pad until the PIN is captured. */
  void captureNewPin(String pin) {
    pad.type(pin);
    assertThat(model.pin().entryProperty().get()).as(this::state).isEqualTo(2);
    assertThat(pad.lastRequest().prompt()).isEqualTo(PinPad.Prompt.CONFIRM_NEW_PIN);
    pad.type(pin);
    assertThat(model.canGoNextBinding().get()).as(this::state).isTrue();
  }

  /** Next to the write step, write: the PIN is on the card. */
  void writeAndConfirm() {
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.WRITE);
    model.write();
    assertThat(model.caseStateProperty().get()).as(this::state).contains(CaseState.WRITTEN);
    assertThat(model.canGoNextBinding().get()).isTrue();
  }

  /** From a bound identity: the citizen's new PIN (NEW_PIN) captured and written to the card. */
  void writeNewPin() {
    toPinStep();
    captureNewPin(NEW_PIN);
    writeAndConfirm();
  }

  /** From a written case: the receipt step, then closing it back to the service step. */
  void closeCase() {
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.RECEIPT);
    model.next();
    assertThat(model.stepProperty().get()).as(this::state).isEqualTo(WizardStep.SERVICE);
  }

  /** Cancels the case: the wizard starts over. */
  void cancel() {
    model.cancelCase();
    assertThat(model.stepProperty().get()).as(this::state).isEqualTo(WizardStep.SERVICE);
    assertThat(model.busyProperty().get()).isFalse();
  }

  /** The notice's title as the clerk reads it (Chinese), empty without a notice. */
  String notice() {
    return model.noticeProperty().get().map(n -> n.title(ZH)).orElse("");
  }

  /** What to do next, as the clerk reads it. */
  String noticeNext() {
    return model.noticeProperty().get().map(n -> n.next(ZH)).orElse("");
  }

  /** The binding issues as the card step names them. */
  List<String> issues() {
    return model.bindingProperty().get().map(b -> b.issues()).orElse(List.of()).stream()
        .map(BindingIssue::wireName)
        .toList();
  }

  /** The wizard's state, for assertion messages. */
  String state() {
    return WizardStates.describe(model);
  }
}
