package dev.pindesk.bench;

import dev.pindesk.ui.StartupProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The baseline of the start-up benchmark: a minimal JavaFX hello-world window. */
public final class HelloFx extends Application {
  @Override
  public void start(Stage stage) {
    stage.setScene(new Scene(new Label("Hello"), 400, 200));
    stage.show();
    StartupProbe.afterFirstFrame();
  }

  /** Plain launcher (a main in an Application subclass fails on the classpath). */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) {
      Application.launch(HelloFx.class, args);
    }
  }
}
