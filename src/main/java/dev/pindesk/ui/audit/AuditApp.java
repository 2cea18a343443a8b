package dev.pindesk.ui.audit;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.ui.common.AppIcons;
import dev.pindesk.ui.common.BundledUiFont;
import dev.pindesk.ui.common.FontScale;
import dev.pindesk.ui.common.FxDialogs;
import dev.pindesk.ui.common.TaskRunner;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The supervisor's audit window as its own application ({@code pindesk audit}). */
public final class AuditApp extends Application {
  private static volatile AuditContext pending;

  private TaskRunner runner;

  /** Opens the audit window; returns when it closes. */
  public static void launch(AuditContext context) {
    pending = Objects.requireNonNull(context, "context");
    Application.launch(AuditApp.class);
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
    AuditContext context = pending;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
    runner = new TaskRunner();
    AuditViewModel model = new AuditViewModel(context, runner, new FxDialogs(() -> stage));
    javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    Scene scene =
        new Scene(
            new AuditView(model),
            Math.min(1280, screen.getWidth()),
            Math.min(800, screen.getHeight() - 40));
    new FontScale(context.fontScale()).applyTo(scene);
    stage.titleProperty().bind(model.messagesProperty().map(m -> m.get("audit.title")));
    AppIcons.applyTo(stage);
    stage.setScene(scene);
    stage.show();
  }

  @Override
  public void stop() {
    if (runner != null) {
      runner.close();
    }
  }
}
