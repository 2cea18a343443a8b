package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.testing.Screenshots;
import dev.pindesk.testing.ScriptedNationalReader;
import dev.pindesk.testing.ScriptedNationalReader.Call;
import java.util.Optional;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The counter window at a counter with a certified reader, as the clerk and the citizen see it: the
 * PIN step says the reader's keypad takes the PIN and the policy cannot judge it, the write step
 * and the citizen's screen say what the keypad waits for. The reader is scripted here; {@code
 * SscardWizardIT} runs the same steps over the C stand-in and the real pcscd.
 */
class WizardCertifiedReaderFlowTest extends WizardFixture {
  private final ScriptedNationalReader reader = new ScriptedNationalReader();

  @Override
  Optional<NationalReader> certifiedReader() {
    return Optional.of(reader);
  }

  @Test
  void theClerkAndTheCitizenAreToldToUseTheReadersKeypad(FxRobot robot) throws Exception {
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    robot.clickOn("#nextButton");
    waitFor(() -> model.pin().onDeviceProperty().get());
    assertThat(robot.lookup("#pinWaiting").queryAs(Label.class).getText())
        .isEqualTo(model.messages().get().get("pinstep.waiting_device"));
    assertThat(robot.lookup("#pinRetry").query().isVisible()).isFalse();
    snap("wizard-pin-device-zh");
    Runnable citizenTyped = reader.holdNext(Call.RELOAD);
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.WRITE);
    robot.clickOn("#writeButton");
    waitFor(() -> robot.lookup("#keypadWaiting").queryAs(Label.class).isVisible());
    waitFor(() -> robot.lookup("#devicePromptZh").tryQuery().isPresent());
    snap("wizard-write-device-zh");
    Screenshots.save(robot.lookup("#devicePromptZh").query().getScene(), "pinpad-device-keypad");
    citizenTyped.run();
    waitFor(() -> model.caseStateProperty().get().equals(Optional.of(CaseState.WRITTEN)));
    waitFor(() -> !robot.lookup("#keypadWaiting").queryAs(Label.class).isVisible());
    closeCase(robot);
    expectedSteps = CLEAN_CASE;
  }
}
