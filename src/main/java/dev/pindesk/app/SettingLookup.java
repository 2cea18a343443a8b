package dev.pindesk.app;

import java.util.Map;
import java.util.Optional;

/**
 * The machine's settings by name without the {@code pindesk.} prefix, each with where it came from
 * ({@link Settings#lookup()} on a counter; a map in tests). Empty when no place sets it.
 */
@FunctionalInterface
interface SettingLookup {
  Optional<SettingValue> find(String name);

  /** The value only. */
  default Optional<String> get(String name) {
    return find(name).map(SettingValue::value);
  }

  /** {@code values} (names without the prefix), all from {@code source}. */
  static SettingLookup of(Map<String, String> values, SettingSource source) {
    return name ->
        Optional.ofNullable(values.get(name))
            .filter(v -> !v.isBlank())
            .map(v -> new SettingValue(name, v, source));
  }
}
