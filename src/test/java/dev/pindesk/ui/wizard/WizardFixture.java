package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfReceiptRenderer;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.id.CitizenId;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.counter.SessionExecutors;
import dev.pindesk.testing.Screenshots;
import dev.pindesk.ui.common.StatusBar;
import dev.pindesk.ui.common.TaskRunner;
import dev.pindesk.ui.pinpad.ScreenPinPad;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The clerk wizard over the mocked card terminal (in-process virtual card), the real training
 * security module, the real on-screen PIN pad and a real journal, plus the robot moves the wizard
 * tests share. After every test the journal verifies, holds {@link #expectedSteps}, and contains
 * none of {@link #PINS}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WizardFixture {
  static final Sm2KeyPair WORKSTATION = Sm2.generate();
  static final Sm2KeyPair SUPERVISOR = Sm2.generate();
  static final String READER = "Test Reader";
  static final String HOLDER_ID = "110101198604120243"; // the training card's holder
  static final String HOLDER_NAME = "李秀英";
  static final String AGENT_ID = validId("11010819750315271");
  static final String AGENT_NAME = "王建国";
  static final String NEW_PIN = "385217";
  static final String OTHER_PIN = "604918";

  /** The journal of a case served from start to close. */
  static final List<String> CLEAN_CASE =
      List.of(
          "case_opened",
          "id_checked",
          "card_read",
          "identity_bound",
          "pin_captured",
          "pin_written",
          "case_closed");

  /** Every PIN a wizard test types: none may reach the journal, in ASCII or in BCD. */
  static final List<String> PINS = List.of(NEW_PIN, OTHER_PIN, "123456", "860412");

  @TempDir Path dir;
  final InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
  final TaskRunner runner = new TaskRunner();

  /** The session's work, on one thread as the counter's case steps run. */
  final ExecutorService caseThread = Executors.newSingleThreadExecutor();

  /** While set, every journal write fails as a full disk would. */
  final AtomicBoolean journalBroken = new AtomicBoolean();

  SqliteJournalStore journal;
  TestCounterCases counter;
  WizardViewModel model;
  Stage stage;
  List<String> expectedSteps = List.of();

  /** The readers the wizard uses: the in-process virtual reader unless a test says otherwise. */
  dev.pindesk.ports.CardTerminals cardTerminals() {
    return terminals;
  }

  /**
   * The receipts: the real PDF renderer with the bundled font only, so no wizard test depends on
   * the fonts of the machine, unless a test says otherwise.
   */
  dev.pindesk.ports.ReceiptPrinter receipts() {
    return new PdfReceiptRenderer(dir.resolve("receipts"), CjkFont.bundled());
  }

  /**
   * The certified reader the counter drives, if any: none (PC/SC readers and the customer PIN pad)
   * unless a test says otherwise.
   */
  java.util.Optional<dev.pindesk.ports.NationalReader> certifiedReader() {
    return java.util.Optional.empty();
  }

  /** How long the customer has for one PIN entry. */
  Duration pinPadTimeout() {
    return Duration.ofSeconds(30);
  }

  // TestFX looks for @Start only on the test class itself, so the fixture sets the stage up here.
  @BeforeEach
  void showWizard() throws Exception {
    FxToolkit.setupStage(
        primary -> {
          try {
            build(primary);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void build(Stage stage) throws Exception {
    this.stage = stage;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
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
    ScreenPinPad pad = new ScreenPinPad(pinPadTimeout(), false);
    var session =
        counter.session(
            cardTerminals(),
            pad,
            receipts(),
            new SessionExecutors(caseThread, caseThread, caseThread),
            clock);
    // As the counter's runtime does: the citizen's screen follows the reader's keypad.
    session.subscribe(
        e -> {
          if (e instanceof dev.pindesk.service.counter.CounterEvent.KeypadWaiting waiting) {
            pad.showDeviceKeypad(waiting.prompt());
          }
        });
    model = new WizardViewModel(session, runner, clock, Messages.of(Locale.SIMPLIFIED_CHINESE));
    model.follow();
    model.operatorIdProperty().set("demo");
    model.operatorNameProperty().set("培训操作员 Demo");
    stage.setScene(new Scene(new WizardView(model, new StatusBar(model.messages())), 1366, 768));
    stage.show();
  }

  @AfterEach
  void journalVerifiesHoldsTheStepsAndNoPin() throws Exception {
    runner.close();
    caseThread.shutdown();
    assertThat(caseThread.awaitTermination(10, TimeUnit.SECONDS)).as("case steps ended").isTrue();
    counter.closeAndCheckJournal(expectedSteps, PINS);
  }

  /** A GB 11643 number: {@code first17} and its check character. */
  static String validId(String first17) {
    return first17 + CitizenId.checkChar(first17);
  }

  /** Puts a fresh card made from {@code spec} into the reader; returns it. */
  VirtualSscCard insert(VirtualCardSpec spec) {
    VirtualSscCard card = VirtualSscCard.fromSpec(spec);
    terminals.insert(READER, card);
    return card;
  }

  /** Chooses the service and holder kind by keyboard (keys 1–3, H / A) and opens the case. */
  void openCase(FxRobot robot, KeyCode service, KeyCode holder) throws Exception {
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE);
    robot.type(service, holder);
    robot.type(KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.ID);
  }

  /** Opens a RESET case for the holder in person and checks the holder's ID. */
  void openResetAndCheckHolder(FxRobot robot) throws Exception {
    openCase(robot, KeyCode.DIGIT1, KeyCode.H);
    enterId(robot, model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    checkIds(robot);
  }

  /** From a bound identity: the citizen's new PIN (NEW_PIN) captured and written to the card. */
  void writeNewPin(FxRobot robot) throws Exception {
    toPinStep(robot);
    captureNewPin(robot, NEW_PIN);
    writeAndConfirm(robot);
  }

  /** Enter on the complete ID step: the IDs are journaled and the card step shows. */
  void checkIds(FxRobot robot) throws Exception {
    robot.type(KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.CARD);
  }

  /** Types the holder's ID into the form and ticks its checks, as the clerk does. */
  void fillHolderId(FxRobot robot, String id, String name) {
    robot.clickOn("#holderNumber").write(id);
    robot.clickOn("#holderName").write(name);
    for (String box : new String[] {"#holderLongTerm", "#holderPhoto", "#holderIntact"}) {
      robot.clickOn(box);
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(model.holderIdForm().completeBinding().get()).as("ID form complete").isTrue();
  }

  /**
   * Fills an ID form through its model: quick, for tests about later steps (typing into the form is
   * covered by {@link #fillHolderId}); the agent's form also lies below the fold at 768 px.
   */
  static void enterId(FxRobot robot, IdDocumentFormModel form, String id, String name) {
    robot.interact(
        () -> {
          form.numberProperty().set(id);
          form.nameProperty().set(name);
          form.longTermProperty().set(true);
          form.photoMatchesProperty().set(true);
          form.intactProperty().set(true);
        });
    assertThat(form.completeBinding().get()).as("ID form complete").isTrue();
  }

  /** Reads the card and waits for binding to succeed. */
  void readAndBind(FxRobot robot) throws Exception {
    robot.clickOn("#readCardButton");
    waitFor(() -> robot.lookup("#bindingOk").tryQuery().isPresent());
  }

  /** Next from a bound card step: the PIN pad opens for the first entry. */
  void toPinStep(FxRobot robot) throws Exception {
    robot.clickOn("#nextButton");
    waitFor(() -> model.pin().entryProperty().get() == 1 && padShows(robot));
  }

  /** Both entries of {@code pin} on the customer pad until the PIN is captured. */
  void captureNewPin(FxRobot robot, String pin) throws Exception {
    typePin(robot, pin);
    waitFor(() -> model.pin().entryProperty().get() == 2 && padShows(robot));
    typePin(robot, pin);
    waitFor(() -> model.canGoNextBinding().get());
  }

  /** Next to the write step, write, and wait for the written notice. */
  void writeAndConfirm(FxRobot robot) throws Exception {
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.WRITE);
    robot.clickOn("#writeButton");
    waitFor(() -> model.canGoNextBinding().get() && model.stepProperty().get() == WizardStep.WRITE);
  }

  /** From a written case: the receipt, then closing it back to the service step. */
  void closeCase(FxRobot robot) throws Exception {
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.RECEIPT);
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE);
  }

  /** Cancels the case with the (never focused) cancel button. */
  void cancel(FxRobot robot) throws Exception {
    robot.clickOn("#cancelCase");
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE && !model.busyProperty().get());
  }

  static boolean padShows(FxRobot robot) {
    return robot
        .lookup("#pinReason")
        .tryQuery()
        .map(n -> n.getScene().getWindow().isShowing())
        .orElse(false);
  }

  static void typePin(FxRobot robot, String digits) {
    for (char c : digits.toCharArray()) {
      robot.type(KeyCode.getKeyCode(String.valueOf(c)));
    }
    robot.type(KeyCode.ENTER);
  }

  static boolean noticeIs(FxRobot robot, String text) {
    return noticeText(robot).equals(text);
  }

  static String noticeText(FxRobot robot) {
    return robot
        .lookup("#noticeTitle")
        .tryQuery()
        .filter(n -> n.isVisible())
        .map(n -> ((Label) n).getText())
        .orElse("");
  }

  static String noticeNext(FxRobot robot) {
    return robot.lookup("#noticeNext").queryAs(Label.class).getText();
  }

  void waitFor(Callable<Boolean> condition) throws Exception {
    waitFor(10, condition);
  }

  void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "timed out at "
              + WizardStates.describe(model)
              + ", id "
              + model.holderIdForm().checkBinding().get().state(),
          e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  static void snapPad(FxRobot robot, String name) throws Exception {
    Screenshots.save(robot.lookup("#pinReason").query().getScene(), name);
  }

  void snap(String name) throws Exception {
    Screenshots.save(stage.getScene(), name);
  }
}
