package dev.pindesk.ui;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.ReaderFeed;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.testing.Screenshots;
import dev.pindesk.testing.TrainingCards;
import dev.pindesk.ui.common.TaskRunner;
import dev.pindesk.ui.common.TrainingCardSlot;
import dev.pindesk.ui.main.CardStatusView;
import dev.pindesk.ui.main.CardStatusViewModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every screen in both languages to {@code target/screenshots} (copied to {@code
 * docs/screenshots} when they change): the window in training mode with the card out, the card
 * read, and a failure.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
  private static final Path OUT =
      Path.of(System.getProperty("pindesk.screenshots", "target/screenshots"));
  private static final String READER = "PinDesk Training Reader";
  private ReaderWatcher watcher;
  private TaskRunner runner;

  @AfterEach
  void stop() {
    if (watcher != null) {
      watcher.close();
    }
    if (runner != null) {
      runner.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void rendersTheCardStatusScreens(String language, FxRobot robot) throws Exception {
    InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
    runner = new TaskRunner();
    boolean[] inserted = {false};
    TrainingCardSlot slot =
        new TrainingCardSlot() {
          @Override
          public void insert() {
            // The English shot shows a card without a birthplace record, as many cards are.
            String card =
                language.equals("en") ? TrainingCards.GEN2_TDES_T0 : TrainingCards.GEN3_SM4;
            terminals.insert(READER, VirtualSscCard.fromSpec(TrainingCards.spec(card)));
            inserted[0] = true;
          }

          @Override
          public void remove() {
            terminals.remove(READER);
            inserted[0] = false;
          }

          @Override
          public boolean inserted() {
            return inserted[0];
          }
        };
    UiContext context =
        UiContext.diagnostics(
            ReaderFeed.of(terminals),
            new CardReadService(terminals, CardProfiles.builtIn()),
            Messages.of(Locale.forLanguageTag(language)),
            Optional.of(slot));
    CardStatusViewModel model =
        new CardStatusViewModel(
            context.cardReader(),
            context.messages(),
            context.trainingSlot(),
            context.training(),
            runner);
    Stage stage = FxToolkit.registerPrimaryStage();
    robot.interact(
        () -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          stage.setScene(new Scene(new CardStatusView(model), 1024, 640));
          stage.show();
        });
    watcher = new ReaderWatcher(terminals, model::readersChanged).start();
    waitForText(robot, READER);
    robot.clickOn("#readCardButton");
    waitFor(() -> robot.lookup("#failureMessage").query().isVisible());
    snap(stage, "card-status-no-card-" + language);

    robot.clickOn("#trainingCardButton");
    waitFor(() -> inserted[0]);
    robot.clickOn("#readCardButton");
    waitFor(() -> robot.lookup("#detail-name").tryQuery().isPresent());
    if (language.equals("en")) {
      org.assertj.core.api.Assertions.assertThat(
              robot
                  .lookup("#detail-birthplace")
                  .queryAs(javafx.scene.control.Label.class)
                  .getText())
          .isEqualTo("—");
    }
    snap(stage, "card-status-card-read-" + language);
  }

  private static void waitForText(FxRobot robot, String text) throws TimeoutException {
    waitFor(() -> robot.lookup(text).tryQuery().isPresent());
  }

  private static void waitFor(java.util.concurrent.Callable<Boolean> condition)
      throws TimeoutException {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void snap(Stage stage, String name) throws Exception {
    Screenshots.save(stage.getScene(), name);
  }
}
