package dev.pindesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.ReaderFeed;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.ui.common.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A counter on a certified reader ({@code pindesk.device=sscard}): its status bar names the
 * reader's library, not "no reader" because PC/SC lists none.
 */
@ExtendWith(ApplicationExtension.class)
class CounterWindowCertifiedReaderTest {
  private final TaskRunner runner = new TaskRunner();
  private CounterWindow window;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    InProcessCardTerminals none = new InProcessCardTerminals();
    CompletableFuture<CounterSession> opening = new CompletableFuture<>();
    window =
        new CounterWindow(
            new UiContext(
                ReaderFeed.of(none),
                new CardReadService(none, CardProfiles::builtIn),
                Messages.of(Locale.SIMPLIFIED_CHINESE),
                Optional.empty(),
                Optional.of(opening),
                () -> {},
                1.0,
                false,
                false,
                Optional.of("libSSCard.so")),
            opening,
            runner);
    stage.setScene(new Scene(window, 1280, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  @Test
  void theStatusBarNamesTheCertifiedReaderWhateverPcscLists() {
    window.readersChanged(new ReaderWatcher.Snapshot(List.of(), Optional.empty()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.statusBar().readerProperty().get().text()).isEqualTo("社保卡读卡器（libSSCard.so）");
    assertThat(window.statusBar().readerProperty().get().health())
        .isEqualTo(dev.pindesk.ui.common.StatusBar.Health.OK);
  }
}
