package dev.pindesk.ui.common;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The application icon (assets/pindesk*.png) on PinDesk's windows: title bar, task bar, Alt+Tab.
 */
public final class AppIcons {
  private static final List<String> SIZES =
      List.of("pindesk-32.png", "pindesk-48.png", "pindesk.png");

  private AppIcons() {}

  /** Adds the icon in every size to {@code stage}; the images load in the background. */
  public static void applyTo(Stage stage) {
    for (String name : SIZES) {
      String url =
          Objects.requireNonNull(AppIcons.class.getResource("/dev/pindesk/assets/" + name), name)
              .toExternalForm();
      stage.getIcons().add(new Image(url, true));
    }
  }
}
