package dev.pindesk.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pindesk.ui.common.BundledUiFont;
import java.util.Arrays;
import java.util.Optional;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Prepares JavaFX for the TestFX tests (classes that use {@link ApplicationExtension}) the way
 * PinDesk's windows start: registers the bundled Chinese font ({@link BundledUiFont}) before a test
 * builds its first scene, so the UI tests neither crash on a machine without any font nor draw
 * empty boxes on one without a Chinese font. And skips them with the reason where JavaFX cannot lay
 * out text at all: on Linux its text layout is a native library linked against Pango, which a
 * machine with nothing but a JDK lacks (headless Monocle needs no display, but it does need Pango);
 * {@code PINDESK_REQUIRE_JAVAFX=1} (CI) makes that a failure. Registered for every test class
 * through {@code junit-platform.properties} (extension auto-detection).
 */
public final class JavaFxTests implements BeforeEachCallback {
  /** Why JavaFX cannot lay out text here, found once per JVM (JavaFX keeps the failure). */
  private static Optional<String> unavailable;

  /**
   * Before each test, not once per class: Surefire counts the tests of a class skipped as a whole
   * as none run at all, while each skipped test is counted and its reason printed ({@link
   * SkipReasons}). Runs before TestFX's own {@code beforeEach} (global extensions come first).
   */
  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (!usesTestFx(context.getRequiredTestClass())) {
      return;
    }
    Optional<String> missing = textLayoutUnavailable();
    if (missing.isPresent()) {
      String why = "JavaFX cannot lay out text on this machine: " + missing.get();
      if (required()) {
        fail("PINDESK_REQUIRE_JAVAFX=1 but " + why);
      }
      Assumptions.abort(why);
    }
  }

  static boolean usesTestFx(Class<?> testClass) {
    return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
        .flatMap(e -> Arrays.stream(e.value()))
        .anyMatch(ApplicationExtension.class::equals);
  }

  private static synchronized Optional<String> textLayoutUnavailable() throws Exception {
    if (unavailable == null) {
      FxToolkit.registerPrimaryStage(); // starts the toolkit the font is registered with
      unavailable =
          FxToolkit.setupFixture(
              () -> {
                try {
                  // (registering a font already needs the Pango library)
                  BundledUiFont.install();
                  new Text("PinDesk 身份证").getLayoutBounds();
                  return Optional.<String>empty();
                } catch (LinkageError e) {
                  Throwable root = e;
                  while (root.getCause() != null) {
                    root = root.getCause();
                  }
                  // (the message goes on with the whole library path)
                  String message = String.valueOf(root.getMessage()).replaceFirst(": /.*", "");
                  return Optional.of(
                      message
                          + " (its text layout needs Pango; Debian/Ubuntu: apt-get install"
                          + " libpangoft2-1.0-0, which libgtk-3-0 brings)");
                }
              });
    }
    return unavailable;
  }

  private static boolean required() {
    String e = System.getenv().getOrDefault("PINDESK_REQUIRE_JAVAFX", "");
    return e.equals("1") || e.equals("true");
  }
}
