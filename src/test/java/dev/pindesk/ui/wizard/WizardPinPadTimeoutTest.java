package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.testing.TrainingCards;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A customer who never finishes the PIN entry: the pad gives up and the clerk is told. */
class WizardPinPadTimeoutTest extends WizardFixture {

  @Override
  Duration pinPadTimeout() {
    return Duration.ofSeconds(2);
  }

  @Test
  void anUnfinishedPinEntryTimesOutAndCanBeStartedAgain(FxRobot robot) throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    toPinStep(robot);
    typeDigits(robot, "38");
    waitFor(5, () -> noticeIs(robot, "客户密码键盘输入超时，请重新开始输入。"));
    assertThat(padShows(robot)).isFalse();
    assertThat(model.pin().entryProperty().get()).isZero();
    assertThat(model.caseStateProperty().get()).contains(CaseState.IDENTITY_BOUND);
    assertThat(model.canGoNextBinding().get()).isFalse();
    robot.clickOn("#pinRetry");
    waitFor(() -> model.pin().entryProperty().get() == 1 && padShows(robot));
    captureNewPin(robot, NEW_PIN);
    cancel(robot);
    expectedSteps =
        List.of(
            "case_opened",
            "id_checked",
            "card_read",
            "identity_bound",
            "pin_captured", // refused: pin_pad_timeout
            "pin_captured",
            "case_cancelled");
  }

  private static void typeDigits(FxRobot robot, String digits) {
    for (char c : digits.toCharArray()) {
      robot.type(javafx.scene.input.KeyCode.getKeyCode(String.valueOf(c)));
    }
  }
}
