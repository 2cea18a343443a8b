package dev.pindesk.app;

import dev.pindesk.i18n.Messages;
import dev.pindesk.ui.common.CounterRefusedException;
import java.util.List;
import java.util.Optional;

/**
 * A setting the counter cannot start with. The one way every bad or missing setting is refused: in
 * the reader's language, naming the setting, its value and where that came from (option, system
 * property, environment variable, settings file or default), and saying what to do. The sign-in
 * screen shows it ({@link #forClerk}); {@code config show} prints it ({@link #describe}). Never
 * carries a secret: setting values are not secrets.
 */
final class ConfigRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The text of an invalid value: the setting, the value, where it came from, what to do. */
  static final String INVALID = "config.refused";

  /** A message key and its arguments, translated when the refusal is. */
  record Text(String key, Object... args) {}

  private final String key;
  private final transient Optional<SettingValue> setting;
  private final transient List<Object> args;

  private ConfigRefusedException(String key, Optional<SettingValue> setting, List<Object> args) {
    super(key + " " + setting.map(s -> s.qualifiedName() + "=" + s.value()).orElse("") + args);
    this.key = key;
    this.setting = setting;
    this.args = args;
  }

  /**
   * {@code setting} has a value the counter cannot use.
   *
   * @param fix what to do: a message key, its arguments {@link Text}s or plain values
   */
  static ConfigRefusedException invalid(SettingValue setting, String fix, Object... fixArgs) {
    return new ConfigRefusedException(
        INVALID, Optional.of(setting), List.of(new Text(fix, fixArgs)));
  }

  /**
   * A setting the counter needs is missing or not allowed in its mode; {@code key}'s text names it
   * and what to do.
   */
  static ConfigRefusedException missing(String key, Object... args) {
    return new ConfigRefusedException(key, Optional.empty(), List.of(args));
  }

  String messageKey() {
    return key;
  }

  /** The setting refused, when a value was. */
  Optional<SettingValue> setting() {
    return setting;
  }

  /** The message's arguments in the language of {@code messages}. */
  Object[] args(Messages messages) {
    if (setting.isEmpty()) {
      return args.stream().map(a -> translated(a, messages)).toArray();
    }
    SettingValue s = setting.get();
    return new Object[] {
      s.qualifiedName(), s.value(), s.source().describe(messages), translated(args.get(0), messages)
    };
  }

  /** The whole refusal as one line in the language of {@code messages}. */
  String describe(Messages messages) {
    return messages.get(key, args(messages));
  }

  /** As the sign-in screen shows it, in the counter's language. */
  CounterRefusedException forClerk(Messages messages) {
    CounterRefusedException refused = new CounterRefusedException(key, args(messages));
    refused.initCause(this);
    return refused;
  }

  private static Object translated(Object arg, Messages messages) {
    if (arg instanceof Text t) {
      Object[] inner =
          java.util.Arrays.stream(t.args()).map(a -> translated(a, messages)).toArray();
      return messages.get(t.key(), inner);
    }
    return arg;
  }
}
