package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.ReaderFeed;
import dev.pindesk.service.audit.AuditCases;
import dev.pindesk.service.audit.AuditCases.Outcome;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.testing.Screenshots;
import dev.pindesk.ui.CounterWindow;
import dev.pindesk.ui.UiContext;
import dev.pindesk.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The counter window's close button with a case open, on the real training counter: the clerk is
 * asked (Enter keeps the case), and closing ends the case in the journal before PinDesk exits.
 */
@ExtendWith(ApplicationExtension.class)
class CounterWindowCloseTest {
  private static final Messages ZH = Messages.forTag("zh-CN");

  @TempDir static Path dir;

  private final TaskRunner runner = new TaskRunner();
  private CounterRuntime runtime;
  private final AtomicBoolean exited = new AtomicBoolean();
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    InProcessCardTerminals terminals = new InProcessCardTerminals("PinDesk Training Reader");
    runtime =
        TrainingCounter.open(
            terminals,
            CardProfiles.builtIn(),
            new SamSetup(new TrainingSecurityModule(), Optional.empty()),
            CounterConfig.from(
                CounterOptions.none(),
                SettingLookup.of(
                    java.util.Map.of(
                        "home", dir.toString(),
                        "training.keys", dir.resolve("training-keys").toString()),
                    SettingSource.byDefault()),
                dir.resolve("user-home")));
    CompletableFuture<CounterSession> opened = CompletableFuture.completedFuture(runtime.session());
    UiContext context =
        new UiContext(
            ReaderFeed.of(terminals),
            new CardReadService(terminals, CardProfiles::builtIn),
            ZH,
            Optional.empty(),
            Optional.of(opened),
            () -> {},
            1.0,
            false,
            false);
    CounterWindow window = new CounterWindow(context, opened, runner);
    window.onExit(() -> exited.set(true));
    stage.setScene(new Scene(window, 1280, 800));
    stage.setOnCloseRequest(window::closeRequested);
    stage.show();
  }

  @AfterEach
  void clear() {
    runtime.close();
    runner.close();
  }

  private void requestClose() {
    // not interact(): the handler waits in the dialog's own event loop
    Platform.runLater(
        () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
  }

  /** Until the dialog shows and its close button can be clicked (under load it lags a pulse). */
  private void waitForDialog(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            robot.lookup("#closeConfirm").tryQuery().isPresent()
                && robot.lookup(ZH.get("close.confirm")).queryAll().stream()
                    .anyMatch(n -> n.isVisible() && n.getScene().getWindow().isShowing()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void closingWithACaseOpenAsksAndCancelsTheCaseBeforeExiting(FxRobot robot) throws Exception {
    robot.clickOn("#signInId").write("demo");
    robot.clickOn("#signInPassword").write("demo");
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("#cancelCase").tryQuery().isPresent());
    robot.type(KeyCode.DIGIT1, KeyCode.H).type(KeyCode.ENTER); // a reset case is open

    requestClose();
    waitForDialog(robot);
    Screenshots.save(
        robot.lookup("#closeConfirm").queryAs(DialogPane.class).getScene(),
        "close-open-case-dialog-zh");
    robot.type(KeyCode.ENTER); // the default answer keeps the case
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("#closeConfirm").tryQuery().isEmpty());
    assertThat(exited).as("Enter kept the case").isFalse();

    requestClose();
    waitForDialog(robot);
    robot.clickOn(ZH.get("close.confirm"));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, exited::get);

    AuditCases cases = new AuditCases();
    new SupervisorJournalReader()
        .read(
            dir.resolve("training").resolve("journal.db"),
            dir.resolve("training-keys").resolve(KeyFiles.SUPERVISOR_P12),
            new char[0],
            cases::add);
    assertThat(cases.cases()).hasSize(1);
    assertThat(cases.cases().get(0).outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(cases.cases().get(0).reason()).isEqualTo("clerk_aborted");
  }
}
