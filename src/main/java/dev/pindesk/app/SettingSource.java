package dev.pindesk.app;

import dev.pindesk.i18n.Messages;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a setting's value came from, so a refusal and {@code config show} can say which place to
 * correct.
 *
 * @param kind the kind of place
 * @param where the option ({@code --font-scale}), system property ({@code pindesk.mode}),
 *     environment variable ({@code PINDESK_MODE}) or settings file; empty for a default
 */
record SettingSource(Kind kind, String where) {
  /** The places a setting is read from, the one that wins first ({@link #DEFAULT} last). */
  enum Kind {
    OPTION,
    SYSTEM_PROPERTY,
    ENVIRONMENT,
    FILE,
    DEFAULT;

    /** The stable name in {@code config show --json}. */
    String jsonName() {
      return switch (this) {
        case OPTION -> "option";
        case SYSTEM_PROPERTY -> "systemProperty";
        case ENVIRONMENT -> "environment";
        case FILE -> "file";
        case DEFAULT -> "default";
      };
    }
  }

  static SettingSource byDefault() {
    return new SettingSource(Kind.DEFAULT, "");
  }

  static SettingSource option(String name) {
    return new SettingSource(Kind.OPTION, name);
  }

  static SettingSource systemProperty(String name) {
    return new SettingSource(Kind.SYSTEM_PROPERTY, name);
  }

  static SettingSource environment(String name) {
    return new SettingSource(Kind.ENVIRONMENT, name);
  }

  static SettingSource file(Path file) {
    return new SettingSource(Kind.FILE, file.toString());
  }

  /** "the settings file /etc/pindesk/pindesk.properties", translated. */
  String describe(Messages messages) {
    return messages.get("config.source." + kind.name().toLowerCase(Locale.ROOT), where);
  }
}
