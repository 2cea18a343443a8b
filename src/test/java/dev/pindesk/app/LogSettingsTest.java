package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log directory and level can come from the machine's settings file. */
class LogSettingsTest {

  @Test
  void theSettingsFilesLogDirectoryBecomesTheSystemPropertyLogbackReads() {
    Map<String, String> file = Map.of("pindesk.log.dir", " /var/log/pindesk ");

    Map<String, String> properties =
        LogSettings.systemProperties(name -> Settings.lookup(name, k -> null, k -> null, file));

    assertThat(properties).containsExactly(Map.entry("pindesk.log.dir", "/var/log/pindesk"));
  }

  @Test
  void aSystemPropertyOrTheEnvironmentStillWinsOverTheFile() {
    Map<String, String> file = Map.of("pindesk.log.dir", "/from/file", "pindesk.log.level", "WARN");
    Map<String, String> env = Map.of("PINDESK_LOG_DIR", "/from/env");
    Map<String, String> props = Map.of("pindesk.log.level", "DEBUG");

    Map<String, String> properties =
        LogSettings.systemProperties(name -> Settings.lookup(name, props::get, env::get, file));

    assertThat(properties)
        .containsEntry("pindesk.log.dir", "/from/env")
        .containsEntry("pindesk.log.level", "DEBUG")
        .doesNotContainKey("pindesk.log.console");
  }
}
