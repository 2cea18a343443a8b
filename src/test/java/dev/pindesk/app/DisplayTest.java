package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a display the GUI says what to do in one line instead of a JavaFX stack trace. */
class DisplayTest {
  @TempDir Path dir;

  @Test
  void linuxWithoutDisplayOrWaylandHasNoDisplay() {
    Map<String, String> none = Map.of();
    assertThat(Display.missing("Linux", none::get, none::get)).isTrue();
    assertThat(Display.missing("Linux", Map.of("DISPLAY", " ")::get, none::get)).isTrue();
    assertThat(Display.missing("Linux", Map.of("DISPLAY", ":0")::get, none::get)).isFalse();
    assertThat(Display.missing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")::get, none::get))
        .isFalse();
  }

  @Test
  void windowsMacAndTheHeadlessTestPlatformNeedNoDisplayVariable() {
    Map<String, String> none = Map.of();
    assertThat(Display.missing("Windows 11", none::get, none::get)).isFalse();
    assertThat(Display.missing("Mac OS X", none::get, none::get)).isFalse();
    assertThat(Display.missing("Linux", none::get, Map.of("glass.platform", "Monocle")::get))
        .isFalse();
  }

  @Test
  void theJarWithoutADisplayPrintsOneTranslatedLineAndExitsNonZero() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            ChildJvm.onTestClasspath(
                dir, "-Dpindesk.log.dir=" + dir.resolve("logs"), "dev.pindesk.app.Launcher"));
    Map<String, String> env = builder.environment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("PINDESK_LANG");
    env.remove("LC_ALL");
    env.remove("LC_MESSAGES");
    env.put("LANG", "en_US.UTF-8"); // the terminal's language, as for the CLI
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).isEmpty();
    assertThat(err.strip())
        .startsWith("PinDesk cannot open its window")
        .contains("xvfb-run")
        .contains("--help")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }
}
