package dev.pindesk.ui;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.ui.common.AppIcons;
import dev.pindesk.ui.common.BundledUiFont;
import dev.pindesk.ui.common.FontScale;
import dev.pindesk.ui.common.TaskRunner;
import dev.pindesk.ui.main.CardStatusView;
import dev.pindesk.ui.main.CardStatusViewModel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application; the composition root hands it a {@link UiContext} before launch. Only
 * what the first screen needs happens before it is painted: the reader watcher and the context's
 * {@link UiContext#afterFirstFrame() start-up work} follow the first frame.
 */
public final class PinDeskApp extends Application {
  private static volatile CompletableFuture<UiContext> pending;

  private UiContext context;

  private TaskRunner runner;
  private volatile AutoCloseable watcher;

  /**
   * Starts the JavaFX application; {@code wiring} builds the context on another thread while the
   * toolkit starts (reading the translations means searching the class path: time the toolkit's
   * start-up hides). Returns when the last window closes.
   */
  public static void launch(Supplier<UiContext> wiring) {
    pending = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                pending.complete(wiring.get());
              } catch (RuntimeException | Error e) {
                pending.completeExceptionally(e);
              }
            },
            "pindesk-wiring");
    thread.setDaemon(true);
    thread.start();
    Application.launch(PinDeskApp.class);
  }

  /**
   * On JavaFX's launcher thread, before any window: the bundled font (a few MB read from the jar)
   * is registered here rather than on the FX thread, and before the first control needs it (see
   * {@link BundledUiFont}).
   */
  @Override
  public void init() {
    BundledUiFont.install();
  }

  @Override
  public void start(Stage stage) {
    context = pending.join();
    // The pre-compiled theme: parsing the 170 kB CSS costs more than loading its binary form.
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
    runner = new TaskRunner();
    Scene scene;
    Consumer<ReaderWatcher.Snapshot> readersChanged;
    CompletableFuture<?> ready;
    if (context.counter().isPresent()) {
      CounterWindow window = new CounterWindow(context, context.counter().get(), runner);
      readersChanged = window::readersChanged;
      stage.setOnCloseRequest(window::closeRequested);
      ready = context.counter().get();
      // Fits a 1366x768 counter screen as well as a 1920x1080 one.
      javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
      scene =
          new Scene(
              window, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight() - 40));
      stage.setTitle(context.title(context.messages()));
    } else {
      CardStatusViewModel model =
          new CardStatusViewModel(
              context.cardReader(),
              context.messages(),
              context.trainingSlot(),
              context.training(),
              runner);
      readersChanged = model::readersChanged;
      ready = CompletableFuture.completedFuture(null);
      // Wide enough for a card's data in two columns (a 32-digit identification code).
      scene = new Scene(new CardStatusView(model), 1024, 680);
      stage.titleProperty().bind(model.messagesProperty().map(context::title));
    }
    new FontScale(context.fontScale()).applyTo(scene);
    AppIcons.applyTo(stage);
    stage.setScene(scene);
    stage.show();
    FirstFrame.then(() -> startBehindFirstFrame(readersChanged));
    if (context.startupProbe()) {
      StartupProbe.afterFirstFrame(ready);
    }
  }

  private void startBehindFirstFrame(Consumer<ReaderWatcher.Snapshot> readersChanged) {
    Thread startup =
        new Thread(
            () -> {
              watcher = context.readers().watch(readersChanged);
              context.afterFirstFrame().run();
            },
            "pindesk-startup");
    startup.setDaemon(true);
    startup.start();
  }

  @Override
  public void stop() {
    AutoCloseable w = watcher;
    if (w != null) {
      try {
        w.close();
      } catch (Exception e) {
        // the watcher's thread is a daemon: nothing is left to clean up
      }
    }
    if (runner != null) {
      runner.close();
    }
  }
}
