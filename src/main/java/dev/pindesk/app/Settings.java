package dev.pindesk.app;

import dev.pindesk.i18n.Messages;
import java.util.Optional;

/**
 * Settings read at start-up from system properties ({@code -Dpindesk.x}) or the environment ({@code
 * PINDESK_X}); the property wins.
 */
final class Settings {
  private Settings() {}

  static Optional<String> get(String name) {
    String property = System.getProperty("pindesk." + name);
    if (property != null && !property.isBlank()) {
      return Optional.of(property);
    }
    String env =
        System.getenv("PINDESK_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
  }

  /**
   * UI/CLI language: {@code pindesk.lang} / {@code PINDESK_LANG}, Simplified Chinese by default.
   */
  static Messages messages() {
    return Messages.forTag(get("lang").orElse("zh-CN"));
  }
}
