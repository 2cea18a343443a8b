package dev.pindesk.ui.common;

import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * The child JVM of {@link BundledUiFontTest}: on a machine whose fontconfig finds no font,
 * registers the bundled font as PinDesk's windows do, draws Chinese in JavaFX's default font and in
 * the bundled family, and prints whether both look the same. (A plain main class: the JDK launcher
 * refuses a main class that extends {@code Application} when JavaFX is on the class path.)
 */
public final class NoFontProbe {
  static final String TEXT = "重置密码 PIN 123";

  private NoFontProbe() {}

  public static void main(String[] args) {
    Application.launch(App.class, args);
  }

  /** Runs on the JavaFX thread; exits the toolkit when done. */
  public static final class App extends Application {
    @Override
    public void start(Stage stage) {
      try {
        boolean registered = BundledUiFont.install(List.of());
        int[] system = pixels(new Label(TEXT), Font.font(24));
        int[] bundled = pixels(new Label(TEXT), Font.font(BundledUiFont.FAMILY, 24));
        boolean inked = Arrays.stream(system).anyMatch(argb -> (argb & 0xff) < 0x80);
        System.out.println(
            "registered="
                + registered
                + " inked="
                + inked
                + " same="
                + Arrays.equals(system, bundled));
      } finally {
        Platform.exit();
      }
    }

    private static int[] pixels(Label label, Font font) {
      label.setFont(font);
      label.setStyle("-fx-background-color: white; -fx-text-fill: black;");
      WritableImage image = new Scene(label, 320, 40).snapshot(null);
      int w = (int) image.getWidth();
      int h = (int) image.getHeight();
      int[] argb = new int[w * h];
      PixelReader reader = image.getPixelReader();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          argb[y * w + x] = reader.getArgb(x, y);
        }
      }
      return argb;
    }
  }
}
