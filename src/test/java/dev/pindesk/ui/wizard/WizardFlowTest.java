package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.adapters.journal.ExportedEntry;
import dev.pindesk.adapters.journal.JournalExporter;
import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfReceiptRenderer;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.audit.CaseAuditRecorder;
import dev.pindesk.service.reset.ResetCaseConfig;
import dev.pindesk.service.reset.ResetCaseDevices;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.testing.TrainingCards;
import dev.pindesk.ui.StatusBar;
import dev.pindesk.ui.TaskRunner;
import dev.pindesk.ui.pinpad.ScreenPinPad;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The clerk wizard end to end over the mocked card terminal (in-process virtual card), the real
 * training security module, the real on-screen PIN pad and a real journal. After every test the
 * journal verifies, holds the expected steps, and contains no PIN.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {
  private static final Sm2KeyPair WORKSTATION = Sm2.generate();
  private static final Sm2KeyPair SUPERVISOR = Sm2.generate();
  private static final String READER = "Test Reader";
  private static final String HOLDER_ID = "110101198604120243"; // the training card's holder
  private static final List<String> PINS = List.of("385217", "123456");

  @TempDir Path dir;
  private final InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
  private final TaskRunner runner = new TaskRunner();
  private SqliteJournalStore journal;
  private WizardViewModel model;
  private Stage stage;
  private List<String> expectedSteps = List.of();

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    journal =
        SqliteJournalStore.open(
            dir.resolve("journal.db"),
            StoreOptions.of("WS-UI", WORKSTATION, SUPERVISOR.publicKey(), true));
    Clock clock = Clock.systemDefaultZone();
    ResetCaseService cases =
        new ResetCaseService(
            new ResetCaseDevices(
                terminals, new TrainingSecurityModule(), new CaseAuditRecorder(journal)),
            CardProfiles.builtIn(),
            new ResetCaseConfig(AgentPolicy.everywhere(), true),
            new CaseIds("WSUI", clock, new Random(1)),
            clock);
    model =
        new WizardViewModel(
            new WizardServices(
                cases,
                terminals,
                new ScreenPinPad(Duration.ofSeconds(30), false),
                runner,
                clock,
                new PdfReceiptRenderer(dir.resolve("receipts"), CjkFont.lookup(Optional.empty())),
                "WS-UI"),
            Messages.of(Locale.SIMPLIFIED_CHINESE),
            true);
    model.operatorIdProperty().set("demo");
    model.operatorNameProperty().set("培训操作员 Demo");
    stage.setScene(new Scene(new WizardView(model, new StatusBar(model.messages())), 1366, 768));
    stage.show();
  }

  @AfterEach
  void journalVerifiesHoldsTheStepsAndNoPin() throws Exception {
    runner.close();
    journal.close();
    Path file = dir.resolve("journal.db");
    assertThat(JournalVerifier.verify(file, Optional.of(WORKSTATION.publicKey())).valid()).isTrue();
    List<ExportedEntry> events = new ArrayList<>();
    JournalExporter.export(file, SUPERVISOR.privateKey(), events::add);
    assertThat(events)
        .extracting(e -> e.members().get("step"))
        .containsExactlyElementsOf(expectedSteps);
    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    for (String pin : PINS) {
      assertThat(bytes)
          .doesNotContain(pin)
          .doesNotContain(new String(Hex.parse(pin), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void aHolderResetsAForgottenPinWithTheKeyboardAndThePinPad(FxRobot robot) throws Exception {
    terminals.insert(READER, VirtualSscCard.fromSpec(TrainingCards.spec(TrainingCards.GEN3_SM4)));
    robot.type(KeyCode.DIGIT1, KeyCode.H);
    snap("wizard-service-zh");
    robot.type(KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.ID);
    fillHolderId(robot, HOLDER_ID, "李秀英");
    snap("wizard-id-zh");
    robot.type(KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.CARD);
    robot.clickOn("#readCardButton");
    waitFor(() -> robot.lookup("#bindingOk").tryQuery().isPresent());
    snap("wizard-card-zh");
    robot.clickOn("#nextButton");
    waitFor(() -> robot.lookup("#pinDots").tryQuery().isPresent());
    robot.type(
        KeyCode.DIGIT1,
        KeyCode.DIGIT2,
        KeyCode.DIGIT3,
        KeyCode.DIGIT4,
        KeyCode.DIGIT5,
        KeyCode.DIGIT6,
        KeyCode.ENTER);
    waitFor(() -> noticeIs(robot, "不能使用初始密码 123456。"));
    waitFor(() -> robot.lookup("#pinReason").queryAll().stream().anyMatch(n -> n.isVisible()));
    snapPad(robot, "pinpad-weak-pin");
    typePin(robot, "385217");
    waitFor(() -> model.pin().entryProperty().get() == 2);
    snap("wizard-pin-zh");
    typePin(robot, "385217");
    waitFor(() -> model.canGoNextBinding().get());
    robot.clickOn("#nextButton");
    robot.clickOn("#writeButton");
    waitFor(() -> model.canGoNextBinding().get() && model.stepProperty().get() == WizardStep.WRITE);
    snap("wizard-write-zh");
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.RECEIPT);
    if (java.awt.print.PrinterJob.lookupPrintServices().length == 0) {
      robot.clickOn("#printReceipt");
      waitFor(
          () ->
              model
                  .noticeProperty()
                  .get()
                  .map(n -> n.key())
                  .orElse("")
                  .equals("receipt.no_printer"));
    }
    robot.clickOn("#saveReceipt");
    waitFor(() -> model.receipt().savedProperty().get().isPresent());
    Path receipt = model.receipt().savedProperty().get().orElseThrow();
    assertThat(receipt).exists().hasFileName(model.caseIdProperty().get() + ".pdf");
    assertThat(new String(Files.readAllBytes(receipt), StandardCharsets.ISO_8859_1))
        .doesNotContain(HOLDER_ID)
        .doesNotContain("385217");
    snap("wizard-receipt-zh");
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE);
    expectedSteps =
        List.of(
            "case_opened",
            "id_checked",
            "card_read",
            "identity_bound",
            "pin_captured",
            "pin_captured",
            "pin_written",
            "case_closed");
  }

  @Test
  void aCardOfSomeoneElseDoesNotBindAndTheCaseIsCancelled(FxRobot robot) throws Exception {
    terminals.insert(
        READER, VirtualSscCard.fromSpec(TrainingCards.spec(TrainingCards.GEN2_TDES_T0)));
    robot.type(KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.ID);
    fillHolderId(robot, HOLDER_ID, "李秀英");
    robot.type(KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.CARD);
    robot.clickOn("#readCardButton");
    waitFor(() -> robot.lookup("#issue-ssn_mismatch").tryQuery().isPresent());
    assertThat(model.canGoNextBinding().get()).isFalse();
    snap("wizard-card-mismatch-zh");
    robot.clickOn("#cancelCase");
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE);
    expectedSteps =
        List.of("case_opened", "id_checked", "card_read", "identity_bound", "case_cancelled");
  }

  @Test
  void aReadWithoutCardSaysWhatToDo(FxRobot robot) throws Exception {
    robot.type(KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.ID);
    fillHolderId(robot, HOLDER_ID, "李秀英");
    robot.type(KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.CARD);
    robot.clickOn("#readCardButton");
    waitFor(() -> noticeIs(robot, "读卡器中没有卡片。"));
    assertThat(robot.lookup("#noticeNext").queryAs(Label.class).getText()).isEqualTo("请插入社保卡后重试。");
    robot.clickOn("#cancelCase");
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE);
    expectedSteps = List.of("case_opened", "id_checked", "case_cancelled");
  }

  private void fillHolderId(FxRobot robot, String id, String name) {
    robot.clickOn("#holderNumber").write(id);
    robot.clickOn("#holderName").write(name);
    for (String box : new String[] {"#holderLongTerm", "#holderPhoto", "#holderIntact"}) {
      robot.clickOn(box);
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(model.holderIdForm().completeBinding().get()).as("ID form complete").isTrue();
  }

  private static void typePin(FxRobot robot, String digits) {
    for (char c : digits.toCharArray()) {
      robot.type(KeyCode.getKeyCode(String.valueOf(c)));
    }
    robot.type(KeyCode.ENTER);
  }

  private static boolean noticeIs(FxRobot robot, String text) {
    return robot
        .lookup("#noticeTitle")
        .tryQuery()
        .map(n -> ((Label) n).getText().equals(text))
        .orElse(false);
  }

  private void waitFor(Callable<Boolean> condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "timed out at step "
              + model.stepProperty().get()
              + ", case "
              + model.caseStateProperty().get()
              + ", notice "
              + model.noticeProperty().get().map(n -> n.key()).orElse("none")
              + ", next "
              + model.canGoNextBinding().get()
              + ", id "
              + model.holderIdForm().checkBinding().get().state()
              + ", name ["
              + model.holderIdForm().nameProperty().get()
              + "] "
              + model.holderIdForm().longTermProperty().get()
              + model.holderIdForm().photoMatchesProperty().get()
              + model.holderIdForm().intactProperty().get(),
          e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void snapPad(FxRobot robot, String name) throws Exception {
    var scene = robot.lookup("#pinReason").query().getScene();
    var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(5, TimeUnit.SECONDS);
    Path out = Path.of(System.getProperty("pindesk.screenshots", "target/screenshots"));
    Files.createDirectories(out);
    ImageIO.write(
        SwingFXUtils.fromFXImage(image, null), "png", out.resolve(name + ".png").toFile());
  }

  private void snap(String name) throws Exception {
    var image =
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(5, TimeUnit.SECONDS);
    Path out = Path.of(System.getProperty("pindesk.screenshots", "target/screenshots"));
    Files.createDirectories(out);
    ImageIO.write(
        SwingFXUtils.fromFXImage(image, null), "png", out.resolve(name + ".png").toFile());
  }
}
