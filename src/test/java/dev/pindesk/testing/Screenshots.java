package dev.pindesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Screenshots of scenes for docs/screenshots, written to {@code target/screenshots}. */
public final class Screenshots {
  private static final Path OUT =
      Path.of(System.getProperty("pindesk.screenshots", "target/screenshots"));

  private Screenshots() {}

  /** Renders {@code scene} on the FX thread and saves it as {@code name}.png. */
  public static void save(Scene scene, String name) throws Exception {
    var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(5, TimeUnit.SECONDS);
    Files.createDirectories(OUT);
    ImageIO.write(
        SwingFXUtils.fromFXImage(image, null), "png", OUT.resolve(name + ".png").toFile());
  }
}
