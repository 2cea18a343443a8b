package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.testing.TrainingCards;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The clerk wizard end to end, as the clerk drives it (keyboard, buttons, the on-screen PIN pad)
 * and as the docs' screenshots show it, over the mocked card terminal (in-process virtual card),
 * the real training security module, the real on-screen PIN pad and a real journal. After every
 * test the journal verifies, holds the expected steps, and contains no PIN.
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
    // A written case can only be closed: the button is off, and Alt+X does nothing.
    assertThat(robot.lookup("#cancelCase").query().isDisabled()).isTrue();
    robot.press(KeyCode.ALT).press(KeyCode.X).release(KeyCode.X).release(KeyCode.ALT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.WRITE);
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
    assertThat(robot.lookup("#cancelCase").query().isDisabled()).isFalse();
    robot.press(KeyCode.ALT).press(KeyCode.X).release(KeyCode.X).release(KeyCode.ALT); // cancel
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE);
    expectedSteps =
        List.of("case_opened", "id_checked", "card_read", "identity_bound", "case_cancelled");
  }
}
