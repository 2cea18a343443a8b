package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.ui.common.FontScale;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The counter window's text follows the font scale, also changed at runtime by keyboard. */
class WizardFontScaleTest extends WizardFixture {

  @Test
  void scalesTheTextAndChangesTheScaleWithCtrlPlusMinusAndZero(FxRobot robot) throws Exception {
    FontScale scale = new FontScale(1.5);
    robot.interact(() -> scale.applyTo(stage.getScene()));
    openCase(robot, KeyCode.DIGIT1, KeyCode.H);
    fillHolderId(robot, HOLDER_ID, HOLDER_NAME);
    Label title = robot.lookup("#holderCheck").queryAs(Label.class);
    assertThat(title.getFont().getSize()).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.5));
    snap("wizard-id-zh-scale150");

    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
    assertThat(scale.scaleProperty().get()).isEqualTo(1.6);
    robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
    assertThat(scale.scaleProperty().get()).isEqualTo(1.4);
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
    assertThat(scale.scaleProperty().get()).isEqualTo(1.5);

    cancel(robot);
    expectedSteps = List.of("case_opened", "case_cancelled");
  }
}
