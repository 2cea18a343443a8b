package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.testing.TrainingCards;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A whole reset for the holder in person with the keyboard only, counting what the clerk presses
 * (docs/user-guide.md, "Keyboard and clicks"). The citizen's PIN digits on the customer pad are not
 * the clerk's and are not counted; the ID number and the name are counted as data, apart from the
 * keys that move through the wizard.
 */
class WizardKeyboardTest extends WizardFixture {
  private int keys;
  private int dataCharacters;

  @Test
  void aHappyPathResetTakesTwelveKeysBesidesTheIdData(FxRobot robot) throws Exception {
    terminals.insert(READER, VirtualSscCard.fromSpec(TrainingCards.spec(TrainingCards.GEN3_SM4)));
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE);

    // Service: reset for the holder in person is preselected.
    press(robot, KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.ID && !model.busyProperty().get());

    // ID check: the caret is in the number field.
    data(robot, HOLDER_ID);
    press(robot, KeyCode.TAB);
    data(robot, HOLDER_NAME);
    press(robot, KeyCode.ALT, KeyCode.L); // long-term ID
    press(robot, KeyCode.ALT, KeyCode.P); // photo matches
    press(robot, KeyCode.ALT, KeyCode.I); // document intact
    assertThat(model.holderIdForm().completeBinding().get()).isTrue();
    press(robot, KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.CARD && !model.busyProperty().get());

    // Card: Enter reads; once bound, Enter is Next.
    press(robot, KeyCode.ENTER);
    waitFor(() -> robot.lookup("#bindingOk").tryQuery().isPresent());
    press(robot, KeyCode.ENTER);
    waitFor(() -> model.pin().entryProperty().get() == 1 && padShows(robot));

    // The citizen types the new PIN twice on the customer pad.
    typePin(robot, NEW_PIN);
    waitFor(() -> model.pin().entryProperty().get() == 2 && padShows(robot));
    typePin(robot, NEW_PIN);
    waitFor(() -> model.canGoNextBinding().get());

    // Write: Next, Enter writes; then Next to the receipt and Next closes the case.
    press(robot, KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.WRITE);
    press(robot, KeyCode.ENTER);
    waitFor(() -> model.canGoNextBinding().get() && model.stepProperty().get() == WizardStep.WRITE);
    press(robot, KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.RECEIPT);
    press(robot, KeyCode.ENTER);
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE && !model.busyProperty().get());

    assertThat(keys).as("wizard keys (a chord counts once)").isEqualTo(12);
    assertThat(dataCharacters).isEqualTo(18 + 3);
    expectedSteps = CLEAN_CASE;
  }

  /** One key press of the clerk (a chord, e.g. Alt+L, is one). */
  private void press(FxRobot robot, KeyCode... chord) throws Exception {
    keys++;
    robot.press(chord).release(chord);
    waitFor(() -> true);
  }

  private void data(FxRobot robot, String text) {
    dataCharacters += text.length();
    robot.write(text);
  }

  @Test
  void escInTheIdNumberFieldGoesBackAndCancelsTheOpenedCase(FxRobot robot) throws Exception {
    openCase(robot, KeyCode.DIGIT1, KeyCode.H);
    robot.write("1101");

    robot.type(KeyCode.ESCAPE);

    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE && !model.busyProperty().get());
    expectedSteps = List.of("case_opened", "case_cancelled");
  }
}
