package dev.pindesk.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hands the log settings to Logback. {@code logback.xml} reads system properties and the
 * environment only; the machine's settings file is PinDesk's own, so its {@code pindesk.log.dir},
 * {@code pindesk.log.level} and {@code pindesk.log.console} become system properties here, before
 * anything logs (Logback configures itself on the first logger). {@code -D} and {@code PINDESK_*}
 * still win, as for every setting.
 */
final class LogSettings {
  static final String[] NAMES = {"log.dir", "log.level", "log.console"};

  private LogSettings() {}

  /** Sets the log system properties from {@link Settings}; a {@code -D} already set stays. */
  static void apply() {
    systemProperties(Settings::get).forEach(System::setProperty);
  }

  /** The {@code pindesk.log.*} system properties for the settings that have a value. */
  static Map<String, String> systemProperties(Function<String, Optional<String>> settings) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String name : NAMES) {
      settings.apply(name).ifPresent(value -> properties.put("pindesk." + name, value));
    }
    return properties;
  }
}
