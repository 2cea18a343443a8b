package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.testing.TrainingCards;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The clerk may cancel a case at any step after it was opened: the wizard starts over at the
 * service step, the journal ends with {@code case_cancelled}, and the card keeps its PIN.
 */
class WizardCancelTest extends WizardFixture {
  private static final List<String> UNTIL_BOUND =
      List.of("case_opened", "id_checked", "card_read", "identity_bound");

  @Test
  void cancellingAtTheIdStepStartsOver(FxRobot robot) throws Exception {
    openCase(robot, javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCode.H);
    enterId(robot, model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    cancel(robot);
    assertStartedOver();
    expectedSteps = List.of("case_opened", "case_cancelled");
  }

  @Test
  void cancellingAtTheCardStepStartsOver(FxRobot robot) throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    cancel(robot);
    assertStartedOver();
    expectedSteps = WizardFailuresTest.steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void cancellingDuringThePinEntryClosesThePinPad(FxRobot robot) throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    toPinStep(robot);
    cancel(robot);
    waitFor(() -> !padShows(robot));
    assertStartedOver();
    expectedSteps = WizardFailuresTest.steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void cancellingBeforeTheWriteLeavesTheCardAlone(FxRobot robot) throws Exception {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    toPinStep(robot);
    captureNewPin(robot, NEW_PIN);
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.WRITE);
    cancel(robot);
    assertStartedOver();
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
    expectedSteps = WizardFailuresTest.steps(UNTIL_BOUND, "pin_captured", "case_cancelled");
  }

  private void assertStartedOver() {
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.SERVICE);
    assertThat(model.caseStateProperty().get()).isEmpty();
    assertThat(model.holderIdForm().numberProperty().get()).isEmpty();
    assertThat(model.noticeProperty().get()).isEmpty();
  }
}
