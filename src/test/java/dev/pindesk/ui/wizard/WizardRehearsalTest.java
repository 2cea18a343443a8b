package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After it is shown the wizard rehearses its steps (so the clerk's first case is as quick as later
 * ones) without a trace: no case, nothing journaled, the service step showing and ready for keys.
 */
class WizardRehearsalTest extends WizardFixture {

  @Test
  void theRehearsalLeavesTheServiceStepShowingAndJournalsNothing(FxRobot robot) throws Exception {
    WizardView view = (WizardView) stage.getScene().getRoot();
    view.warmedUp().get(20, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.SERVICE);
    assertThat(model.caseStateProperty().get()).isEmpty();
    assertThat(model.busyProperty().get()).isFalse();
    assertThat(shown(robot.lookup("#holderNumber").query())).as("ID step shown").isFalse();
    assertThat(shown(robot.lookup("#service1").query())).as("service step shown").isTrue();
    assertThat(robot.lookup("#nextButton").query().isDisabled()).isFalse();
    expectedSteps = java.util.List.of();
  }

  @Test
  void aCaseOpenedAfterTheRehearsalShowsOnlyTheIdStep(FxRobot robot) throws Exception {
    WizardView view = (WizardView) stage.getScene().getRoot();
    view.warmedUp().get(20, TimeUnit.SECONDS);
    openCase(robot, javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCode.H);

    assertThat(shown(robot.lookup("#holderNumber").query())).as("ID step shown").isTrue();
    assertThat(shown(robot.lookup("#service1").query())).as("service step shown").isFalse();
    assertThat(model.caseStateProperty().get()).isPresent();
    cancel(robot);
    expectedSteps = java.util.List.of("case_opened", "case_cancelled");
  }

  /** Visible with all its parents: the steps that are not current stay in the scene, hidden. */
  private static boolean shown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
