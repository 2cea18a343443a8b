package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.testing.TrainingCards;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The wizard in English (language button), with a screenshot of each step for the manual. */
class WizardEnglishTest extends WizardFixture {

  @Test
  void aResetInEnglishShowsEnglishStepsAndNotices(FxRobot robot) throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    robot.clickOn("#languageButton");
    openCase(robot, KeyCode.DIGIT1, KeyCode.H);
    enterId(robot, model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    snap("wizard-id-en");
    checkIds(robot);
    readAndBind(robot);
    assertThat(robot.lookup("#readCardButton").queryButton().getText()).isEqualTo("Read card");
    snap("wizard-card-en");
    toPinStep(robot);
    typePin(robot, NEW_PIN);
    waitFor(() -> model.pin().entryProperty().get() == 2 && padShows(robot));
    snap("wizard-pin-en");
    typePin(robot, NEW_PIN);
    waitFor(() -> model.canGoNextBinding().get());
    writeAndConfirm(robot);
    waitFor(() -> noticeIs(robot, "The new PIN is on the card."));
    snap("wizard-write-en");
    closeCase(robot);
    expectedSteps =
        List.of(
            "case_opened",
            "id_checked",
            "card_read",
            "identity_bound",
            "pin_captured",
            "pin_written",
            "case_closed");
  }

  @Test
  void aFailureNoticeIsInEnglishToo(FxRobot robot) throws Exception {
    robot.clickOn("#languageButton");
    openResetAndCheckHolder(robot);
    terminals.setServiceAvailable(false);
    robot.clickOn("#readCardButton");
    waitFor(() -> noticeIs(robot, "The smart card service (pcscd) cannot be reached."));
    assertThat(robot.lookup("#noticeNext").queryAs(Label.class).getText()).isNotBlank();
    cancel(robot);
    expectedSteps = List.of("case_opened", "id_checked", "case_cancelled");
  }
}
