package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The clerk may type the citizen's phone and bank account numbers at the ID step: the fields keep
 * digits, spaces and dashes only, and the numbers are forgotten with the case. (That the PIN policy
 * then refuses their digits is {@code PinCaptureTest}'s.)
 */
class WizardPhoneTest extends WizardFixture {

  @Test
  void thePhoneAndBankAccountFieldsKeepOnlyWhatANumberHoldsAndAreForgottenWithTheCase(FxRobot robot)
      throws Exception {
    openCase(robot, KeyCode.DIGIT1, KeyCode.H);
    enterId(robot, model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    robot.clickOn("#holderPhone").write("139-0751-8264 x");
    assertThat(model.holderPhoneProperty().get()).isEqualTo("139-0751-8264 ");
    robot.clickOn("#holderBankAccount").write("6217 0000 1234 5704 913-");
    assertThat(model.holderBankAccountProperty().get()).isEqualTo("6217 0000 1234 5704 913");
    snap("wizard-id-phone-zh");
    cancel(robot);
    assertThat(model.holderPhoneProperty().get()).as("forgotten with the case").isEmpty();
    assertThat(model.holderBankAccountProperty().get()).as("forgotten with the case").isEmpty();
    expectedSteps = List.of("case_opened", "case_cancelled");
  }
}
