package dev.pindesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.Operator.Role;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.signin.SignInService;
import dev.pindesk.testing.InMemoryOperatorDirectory;
import dev.pindesk.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sign-in screen is painted before the counter behind it (journal, operators) is open: it can
 * be filled in and submitted at once, and the check waits for the counter.
 */
@ExtendWith(ApplicationExtension.class)
class SignInPreparingTest {
  private final CompletableFuture<SignInService> counter = new CompletableFuture<>();
  private final List<Operator> signedIn = new CopyOnWriteArrayList<>();
  private final TaskRunner runner = new TaskRunner();
  private SignInViewModel model;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
    model =
        new SignInViewModel(
            counter.thenApply(
                s -> ClerkSessions.over(s, java.util.concurrent.ForkJoinPool.commonPool())),
            runner,
            new SimpleObjectProperty<>(Messages.of(Locale.ENGLISH)),
            true,
            signedIn::add);
    model.readyProperty().set(false);
    counter.thenRun(() -> TaskRunner.onFx(() -> model.readyProperty().set(true)));
    stage.setScene(new Scene(new SignInView(model), 800, 500));
    stage.show();
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  @Test
  void takesTheSignInWhilePreparingAndCompletesItOnceTheCounterIsOpen(FxRobot robot)
      throws Exception {
    assertThat(robot.lookup("#signInButton").queryAs(Button.class).getText())
        .isEqualTo("Preparing…");

    robot.write("demo").type(KeyCode.TAB).write("demo").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.busyProperty().get()).as("waiting for the counter").isTrue();
    assertThat(signedIn).isEmpty();

    InMemoryOperatorDirectory operators = new InMemoryOperatorDirectory();
    Operator demo = new Operator("demo", "Demo", Role.CLERK, true, Instant.EPOCH);
    operators.add(demo, "demo".toCharArray());
    counter.complete(new SignInService(operators, Clock.systemUTC()));

    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !signedIn.isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(signedIn).containsExactly(demo);
    assertThat(robot.lookup("#signInButton").queryAs(Button.class).getText()).isEqualTo("Sign in");
  }
}
