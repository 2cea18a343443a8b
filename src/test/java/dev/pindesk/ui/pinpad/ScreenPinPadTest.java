package dev.pindesk.ui.pinpad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.ports.PinPad;
import dev.pindesk.testing.Screenshots;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ScreenPinPadTest {

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }

  private static CompletableFuture<Pin> ask(PinPad pad, AtomicInteger progress) {
    return pad.request(PinPad.Prompt.NEW_PIN, 6, progress::set).toCompletableFuture();
  }

  /** Until {@code query} is on a window that is showing (clicks and keys reach it then). */
  private static void awaitShown(FxRobot robot, String query) throws Exception {
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup(query)
                .match(org.testfx.util.NodeQueryUtils.isVisible())
                .tryQuery()
                .isPresent());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theCitizenTypesOnTheKeyboardAndTheClerkOnlyLearnsTheCount(FxRobot robot) throws Exception {
    PinPad pad = new ScreenPinPad(Duration.ofSeconds(60), false);
    AtomicInteger progress = new AtomicInteger();
    CompletableFuture<Pin> entry = ask(pad, progress);
    awaitShown(robot, "#pinDots");
    robot.type(KeyCode.DIGIT3, KeyCode.DIGIT8, KeyCode.NUMPAD5, KeyCode.DIGIT2, KeyCode.DIGIT1);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(progress.get()).isEqualTo(5);
    assertThat(robot.lookup("#pinConfirm").queryAs(Button.class).isDisabled()).isTrue();
    robot.type(KeyCode.DIGIT7);
    assertThat(visibleTexts(robot)).noneMatch(t -> t.contains("385217"));
    robot.type(KeyCode.ENTER);
    try (Pin pin = entry.get(5, TimeUnit.SECONDS)) {
      assertThat(Hex.of(pin.toBcd())).isEqualTo("385217");
    }
  }

  @Test
  void theKeypadCanBeClickedAndCleared(FxRobot robot) throws Exception {
    PinPad pad = new ScreenPinPad(Duration.ofSeconds(60), false);
    CompletableFuture<Pin> entry = ask(pad, new AtomicInteger());
    awaitShown(robot, "#pinKey8");
    robot.clickOn("#pinKey8"); // 9
    robot.clickOn("#pinClear");
    for (String key :
        new String[] {"#pinKey9", "#pinKey0", "#pinKey1", "#pinKey2", "#pinKey3", "#pinKey4"}) {
      robot.clickOn(key);
    }
    robot.clickOn("#pinConfirm");
    try (Pin pin = entry.get(5, TimeUnit.SECONDS)) {
      assertThat(Hex.of(pin.toBcd())).isEqualTo("012345");
    }
  }

  @Test
  void aScrambledKeypadStillHoldsEveryDigitOnce(FxRobot robot) throws Exception {
    PinPad pad = new ScreenPinPad(Duration.ofSeconds(60), true);
    CompletableFuture<Pin> entry = ask(pad, new AtomicInteger());
    awaitShown(robot, "#pinKey8");
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      labels.add(robot.lookup("#pinKey" + i).queryAs(Button.class).getText());
    }
    assertThat(labels).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    snapshot(robot, "pinpad-new-pin");
    pad.cancel(); // the case was cancelled
    assertThatThrownBy(() -> entry.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            PinPad.PinPadException.class,
            e -> assertThat(e.failure()).isEqualTo(PinPad.Failure.CANCELLED));
    awaitClosed(robot);
  }

  @Test
  void anEntryNobodyFinishesTimesOut(FxRobot robot) throws Exception {
    PinPad pad = new ScreenPinPad(Duration.ofSeconds(1), false);
    CompletableFuture<Pin> entry = ask(pad, new AtomicInteger());
    assertThatThrownBy(() -> entry.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            PinPad.PinPadException.class,
            e -> assertThat(e.failure()).isEqualTo(PinPad.Failure.TIMEOUT));
    awaitClosed(robot);
  }

  @Test
  void theCardsCurrentPinIsAskedForInBothLanguages(FxRobot robot) throws Exception {
    PinPad pad = new ScreenPinPad(Duration.ofSeconds(60), false);
    CompletableFuture<Pin> entry =
        pad.request(PinPad.Prompt.OLD_PIN, 6, n -> {}).toCompletableFuture();
    awaitShown(robot, "#promptEn");
    assertThat(robot.lookup("#promptEn").queryAs(Label.class).getText())
        .isEqualTo("Please enter your current PIN");
    pad.cancel();
    assertThatThrownBy(() -> entry.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
  }

  /** Until the pad's window is gone (an ended entry leaves nothing for the citizen to type on). */
  private static void awaitClosed(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            robot.lookup("#pinDots").queryAll().stream()
                .noneMatch(n -> n.getScene().getWindow().isShowing()));
  }

  @Test
  void escapeCancels(FxRobot robot) throws Exception {
    PinPad pad = new ScreenPinPad(Duration.ofSeconds(60), false);
    CompletableFuture<Pin> entry = ask(pad, new AtomicInteger());
    awaitShown(robot, "#pinDots");
    robot.type(KeyCode.DIGIT1, KeyCode.ESCAPE);
    assertThatThrownBy(() -> entry.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(PinPad.PinPadException.class);
  }

  private static java.util.List<String> visibleTexts(FxRobot robot) {
    return robot.lookup(n -> n instanceof Labeled).queryAll().stream()
        .map(n -> ((Labeled) n).getText())
        .toList();
  }

  private static void snapshot(FxRobot robot, String name) throws Exception {
    Screenshots.save(robot.lookup("#pinDots").query().getScene(), name);
  }
}
