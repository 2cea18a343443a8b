package dev.pindesk.app;

/**
 * One setting's effective value and where it came from.
 *
 * @param name the name without the {@code pindesk.} prefix ({@code idle.minutes})
 * @param value the value as given (the settings file's values stripped)
 * @param source where it came from
 */
record SettingValue(String name, String value, SettingSource source) {
  static final String PREFIX = "pindesk.";

  /** The name as administrators write it: {@code pindesk.idle.minutes}. */
  String qualifiedName() {
    return PREFIX + name;
  }
}
