package dev.pindesk.adapters.sscard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How the device host is started. */
class HostLaunchTest {

  @Test
  void theHostsClassPathIsAbsoluteBecauseItRunsInTheLibrarysDirectory() {
    String relative = "target/classes" + File.pathSeparator + "lib/a.jar";
    assertThat(HostLaunch.absolute(relative).split(File.pathSeparator))
        .containsExactly(
            Path.of("target/classes").toAbsolutePath().toString(),
            Path.of("lib/a.jar").toAbsolutePath().toString());
  }

  @Test
  void theLibraryIsTheLastArgumentAndAbsolute() {
    HostLaunch launch =
        HostLaunch.sameJvm(
            "dev.pindesk.app.SscardHostMain", Path.of("libSSCard.so"), java.util.Map.of());
    assertThat(launch.library()).isAbsolute().hasFileName("libSSCard.so");
    assertThat(launch.command()).contains("dev.pindesk.app.SscardHostMain");
  }
}
