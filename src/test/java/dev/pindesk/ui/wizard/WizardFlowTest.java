package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.testing.TrainingCards;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The clerk wizard end to end over the mocked card terminal (in-process virtual card), the real
 * training security module, the real on-screen PIN pad and a real journal. After every test the
 * journal verifies, holds the expected steps, and contains no PIN.
 */
class WizardFlowTest extends WizardFixture {

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
    waitFor(() -> noticeIs(robot, "不能使用初始密码（如 123456）。请另选一组只有您知道的数字。"));
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
    java.nio.file.Path receipt = model.receipt().savedProperty().get().orElseThrow();
    assertThat(receipt).exists().hasFileName(model.caseIdProperty().get() + ".pdf");
    assertThat(
            new String(
                java.nio.file.Files.readAllBytes(receipt),
                java.nio.charset.StandardCharsets.ISO_8859_1))
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

  @Test
  void aWrittenCaseCannotBeCancelledOnlyClosed(FxRobot robot) throws Exception {
    terminals.insert(READER, VirtualSscCard.fromSpec(TrainingCards.spec(TrainingCards.GEN3_SM4)));
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    assertThat(robot.lookup("#cancelCase").query().isDisabled()).as("before the write").isFalse();
    writeNewPin(robot);

    assertThat(robot.lookup("#cancelCase").query().isDisabled()).as("after the write").isTrue();
    robot.press(KeyCode.ALT).press(KeyCode.X).release(KeyCode.X).release(KeyCode.ALT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.WRITE);
    assertThat(model.noticeProperty().get().map(Notice::kind))
        .isNotEqualTo(Optional.of(Notice.Kind.ERROR));
    closeCase(robot);
    expectedSteps = WizardServicesTest.CLEAN_CASE;
  }

  @Test
  void closingTheWindowWithACaseOpenCancelsItInTheJournal(FxRobot robot) throws Exception {
    terminals.insert(READER, VirtualSscCard.fromSpec(TrainingCards.spec(TrainingCards.GEN3_SM4)));
    assertThat(model.closing().state()).isEqualTo(WindowClosing.State.NOTHING_OPEN);
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    assertThat(model.closing().state()).isEqualTo(WindowClosing.State.CASE_OPEN);

    java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();
    robot.interact(() -> model.closing().endCaseThen(() -> closed.set(true)));
    waitFor(closed::get);
    expectedSteps =
        List.of("case_opened", "id_checked", "card_read", "identity_bound", "case_cancelled");
  }

  @Test
  void closingTheWindowOnceThePinIsWrittenEndsTheCase(FxRobot robot) throws Exception {
    terminals.insert(READER, VirtualSscCard.fromSpec(TrainingCards.spec(TrainingCards.GEN3_SM4)));
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    writeNewPin(robot);
    assertThat(model.closing().state()).isEqualTo(WindowClosing.State.CASE_WRITTEN);

    java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();
    robot.interact(() -> model.closing().endCaseThen(() -> closed.set(true)));
    waitFor(closed::get);
    expectedSteps = WizardServicesTest.CLEAN_CASE;
  }
}
