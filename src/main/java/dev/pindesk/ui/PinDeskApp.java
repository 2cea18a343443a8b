package dev.pindesk.ui;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.ui.main.CardStatusView;
import dev.pindesk.ui.main.CardStatusViewModel;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application; the composition root hands it a {@link UiContext} before launch. */
public final class PinDeskApp extends Application {
  private static volatile UiContext context;

  private TaskRunner runner;
  private ReaderWatcher watcher;

  /** Starts the JavaFX application with {@code uiContext}; returns when the last window closes. */
  public static void launch(UiContext uiContext) {
    context = Objects.requireNonNull(uiContext);
    Application.launch(PinDeskApp.class);
  }

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    runner = new TaskRunner();
    Scene scene;
    if (context.counter().isPresent()) {
      CounterWindow window = new CounterWindow(context, context.counter().get());
      watcher = new ReaderWatcher(context.terminals(), window::readersChanged).start();
      // Fits a 1366x768 counter screen as well as a 1920x1080 one.
      javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
      scene =
          new Scene(
              window, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight() - 40));
      stage.setTitle(context.messages().get("app.title"));
    } else {
      CardStatusViewModel model = new CardStatusViewModel(context, runner);
      watcher = new ReaderWatcher(context.terminals(), model::readersChanged).start();
      scene = new Scene(new CardStatusView(model), 900, 600);
      stage.titleProperty().bind(model.messagesProperty().map(m -> m.get("app.title")));
    }
    stage.setScene(scene);
    stage.show();
    StartupProbe.afterFirstFrame();
  }

  @Override
  public void stop() {
    if (watcher != null) {
      watcher.close();
    }
    if (runner != null) {
      runner.close();
    }
  }
}
