package dev.pindesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.ReaderFeed;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.testing.TrainingCards;
import dev.pindesk.ui.common.TaskRunner;
import dev.pindesk.ui.main.CardStatusView;
import dev.pindesk.ui.main.CardStatusViewModel;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The reader/card window driven with TestFX over the in-process virtual reader (mocked terminal).
 */
@ExtendWith(ApplicationExtension.class)
class CardStatusViewTest {
  private static final String READER = "PinDesk Training Reader";
  private final InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
  private final TaskRunner runner = new TaskRunner();
  private ReaderWatcher watcher;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    UiContext context =
        UiContext.diagnostics(
            ReaderFeed.of(terminals),
            new CardReadService(terminals, CardProfiles.builtIn()),
            Messages.of(Locale.ENGLISH),
            Optional.empty());
    CardStatusViewModel model =
        new CardStatusViewModel(
            context.cardReader(),
            context.messages(),
            context.trainingSlot(),
            context.training(),
            runner);
    watcher = new ReaderWatcher(terminals, model::readersChanged).start();
    stage.setScene(new Scene(new CardStatusView(model), 900, 600));
    stage.show();
  }

  @AfterEach
  void stop() {
    watcher.close();
    runner.close();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  @Test
  void showsTheHolderOfTheCardRead(FxRobot robot) throws Exception {
    var spec = TrainingCards.spec(TrainingCards.GEN3_SM4);
    terminals.insert(READER, VirtualSscCard.fromSpec(spec));
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("Card inserted").tryQuery().isPresent());
    robot.clickOn("#readCardButton");
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("#detail-name").tryQuery().isPresent());
    // The details are built in one FX event; the lookup above can see the first row before the
    // rest: let that event finish before reading the other rows.
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text(robot, "#detail-name")).isEqualTo(spec.holder().name());
    assertThat(text(robot, "#detail-ssn")).isEqualTo(spec.holder().ssn());
    assertThat(text(robot, "#detail-tries_left")).isEqualTo("3");
    assertThat(text(robot, "#detail-profile")).isEqualTo("training-sm4");
    assertThat(text(robot, "#profileAssumptions")).contains("training card");
  }

  @Test
  void readingWithoutACardSaysWhatToDo(FxRobot robot) throws Exception {
    robot.clickOn("#readCardButton");
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("#failureMessage").query().isVisible());
    assertThat(text(robot, "#failureTitle")).isEqualTo("There is no card in the reader.");
    assertThat(text(robot, "#failureNext"))
        .isEqualTo("Insert the social security card and try again.");
  }

  @Test
  void aStoppedCardServiceIsShownAndRecoveredFrom(FxRobot robot) throws Exception {
    terminals.setServiceAvailable(false);
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("The smart card service (pcscd) cannot be reached.")
                .tryQuery()
                .isPresent());
    terminals.setServiceAvailable(true);
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup(READER).tryQuery().isPresent());
  }

  @Test
  void switchesLanguageAtRuntime(FxRobot robot) throws Exception {
    robot.clickOn("#languageButton");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("读卡").tryQuery().isPresent());
    assertThat(stage.getScene().getRoot()).isNotNull();
  }
}
