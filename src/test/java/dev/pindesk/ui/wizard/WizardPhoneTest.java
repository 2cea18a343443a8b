package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.testing.TrainingCards;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The clerk may type the citizen's phone and bank account numbers at the ID step; the PIN policy
 * then refuses their digits as a new PIN, with the reason on the clerk's screen and the pad. The
 * numbers are forgotten with the case.
 */
class WizardPhoneTest extends WizardFixture {

  @Test
  void aNewPinFromThePhoneNumberTypedAtTheIdStepIsRefused(FxRobot robot) throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openCase(robot, KeyCode.DIGIT1, KeyCode.H);
    enterId(robot, model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    robot.clickOn("#holderPhone").write("139-0751-8264 x");
    assertThat(model.holderPhoneProperty().get()).isEqualTo("139-0751-8264 ");
    robot.clickOn("#holderBankAccount").write("6217 0000 1234 5704 913-");
    assertThat(model.holderBankAccountProperty().get()).isEqualTo("6217 0000 1234 5704 913");
    snap("wizard-id-phone-zh");
    checkIds(robot);
    readAndBind(robot);
    toPinStep(robot);
    typePin(robot, "518264");
    waitFor(() -> noticeIs(robot, "不能使用手机号码中的数字（如后 6 位）。请选与电话号码无关的数字。"));
    typePin(robot, "704913");
    waitFor(() -> noticeIs(robot, "不能使用银行账号的后 6 位。请选与账号无关的数字。"));
    cancel(robot);
    assertThat(model.holderPhoneProperty().get()).as("forgotten with the case").isEmpty();
    assertThat(model.holderBankAccountProperty().get()).as("forgotten with the case").isEmpty();
    expectedSteps =
        List.of(
            "case_opened",
            "id_checked",
            "card_read",
            "identity_bound",
            "pin_captured", // refused: the phone number's digits
            "pin_captured", // refused: the bank account's tail
            "case_cancelled");
  }
}
