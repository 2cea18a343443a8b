package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfReceiptRenderer;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.PinPad;
import dev.pindesk.service.counter.SessionExecutors;
import dev.pindesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the clerk's PIN step shows, on its own: the entry and the digits typed (never a digit), the
 * name of the PIN asked for, and the button that starts an entry again. The view is driven through
 * its model; no case service is reached (no entry is finished).
 */
@ExtendWith(ApplicationExtension.class)
class PinStepViewTest {
  private final ScriptedPinPad pad = new ScriptedPinPad();
  @TempDir Path dir;
  private TestCounterCases cases;
  private WizardViewModel model;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    try {
      cases =
          new TestCounterCases(
              dir,
              Sm2.generate(),
              Sm2.generate(),
              new InProcessCardTerminals(),
              () -> false,
              Clock.systemUTC());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    SameThreadExecutor executor = new SameThreadExecutor();
    model =
        new WizardViewModel(
            cases.session(
                new InProcessCardTerminals(),
                pad,
                new PdfReceiptRenderer(dir.resolve("receipts"), CjkFont.bundled()),
                SessionExecutors.direct(),
                Clock.systemUTC()),
            executor,
            Clock.systemUTC(),
            Messages.of(Locale.SIMPLIFIED_CHINESE));
    model.follow();
    stage.setScene(new Scene(new PinStepView(model), 800, 500));
    stage.show();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  @Test
  void theRetryButtonStartsAnEntryAndTheClerkSeesOnlyTheCount(FxRobot robot) {
    robot.interact(() -> model.stepProperty().set(WizardStep.PIN));
    assertThat(robot.lookup("#pinRetry").query().isVisible()).as("no entry runs").isTrue();
    robot.clickOn("#pinRetry");
    assertThat(pad.showing()).isTrue();
    assertThat(robot.lookup("#pinRetry").query().isVisible()).isFalse();
    assertThat(text(robot, "#pinProgress")).isEqualTo("第一次输入：0/6");
    robot.interact(() -> pad.typeDigitsOnly(3));
    assertThat(text(robot, "#pinProgress")).isEqualTo("第一次输入：3/6");
    robot.interact(pad::cancel); // the citizen pressed Esc on the pad
    assertThat(robot.lookup("#pinRetry").query().isVisible()).as("after the entry ended").isTrue();
  }

  @Test
  void aChangeOfTheInitialPinNamesTheCurrentPin(FxRobot robot) {
    // The session asks for the current PIN first because the case is a change of the initial PIN.
    cases.cases.open(ServiceKind.CHANGE_INITIAL, HolderKind.IN_PERSON, "demo");
    robot.interact(
        () -> {
          model.serviceProperty().set(ServiceKind.CHANGE_INITIAL);
          model.stepProperty().set(WizardStep.PIN);
          model.pin().start();
        });
    assertThat(pad.lastRequest().prompt()).isEqualTo(PinPad.Prompt.OLD_PIN);
    assertThat(text(robot, "#pinProgress")).isEqualTo("当前密码：0/6");
    assertThat(text(robot, "#pinWaiting")).contains("当前密码");
    robot.interact(pad::cancel);
  }
}
