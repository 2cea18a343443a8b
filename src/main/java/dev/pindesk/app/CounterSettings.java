package dev.pindesk.app;

import dev.pindesk.adapters.cardservice.WireProfile;
import dev.pindesk.adapters.sam.PsamProfiles;
import dev.pindesk.service.signin.IdleLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The counter's settings before validation: each by name with its effective value and where it came
 * from — the command-line options first, then {@link SettingLookup} (system property, environment,
 * settings file), then the default. {@link CounterConfig#from} validates them; {@code config show}
 * prints them, also when one is invalid.
 */
final class CounterSettings {
  /** The settings a counter reads, in the order {@code config show} prints them. */
  static final List<String> NAMES =
      List.of(
          "mode",
          "lang",
          "font.scale",
          "workstation",
          "home",
          "keys",
          "training.keys",
          "sam",
          "sam.reader",
          "sam.profile",
          "cardservice.url",
          "cardservice.pin",
          "cardservice.credentials",
          "cardservice.profile",
          "cardservice.terminal",
          "cardservice.timeout.seconds",
          "pin.policy",
          "idle.minutes",
          "agent.regions",
          "pinpad.scrambled",
          "receipt.font",
          "central.url",
          "central.cert",
          "central.backlog.hours",
          "log.dir",
          "log.level",
          "log.console",
          "pcsc.library",
          "device",
          "sscard.library",
          "sscard.codes",
          "sscard.java");

  /** Settings whose values are never printed (none today; a passphrase setting would be). */
  private static final Pattern SECRET = Pattern.compile("(?i).*(passphrase|password|secret).*");

  static final String TRAINING_WORKSTATION = "TRAINING-01";

  private final CounterOptions options;
  private final SettingLookup lookup;
  private final Path userHome;

  CounterSettings(CounterOptions options, SettingLookup lookup, Path userHome) {
    this.options = options;
    this.lookup = lookup;
    this.userHome = userHome;
  }

  /** The value an option or a setting gives {@code name}; empty when neither does. */
  Optional<SettingValue> find(String name) {
    Optional<SettingValue> option =
        switch (name) {
          case "mode" ->
              options
                  .mode()
                  .map(
                      m ->
                          new SettingValue(
                              name, m.setting(), SettingSource.option("--" + m.setting())));
          case "sam.reader" ->
              options
                  .samReader()
                  .map(r -> new SettingValue(name, r, SettingSource.option("--sam-reader")));
          case "font.scale" ->
              options
                  .fontScale()
                  .map(
                      f ->
                          new SettingValue(
                              name, f.toString(), SettingSource.option("--font-scale")));
          default -> Optional.empty();
        };
    return option.or(() -> lookup.find(name));
  }

  /** {@code name}'s value, else its default (empty value when it has none) as a default. */
  SettingValue effective(String name, CounterConfig.Mode mode) {
    return find(name)
        .orElseGet(
            () -> new SettingValue(name, defaultValue(name, mode), SettingSource.byDefault()));
  }

  /** Every counter setting as it is in effect for {@code mode}, secrets hidden. */
  List<SettingValue> all(CounterConfig.Mode mode) {
    List<SettingValue> all = new ArrayList<>();
    for (String name : NAMES) {
      all.add(effective(name, mode));
    }
    return all;
  }

  /** Whether {@code config show} must not print {@code name}'s value. */
  static boolean secret(String name) {
    return SECRET.matcher(name).matches();
  }

  /** {@code pindesk.home}'s default: {@code ~/.pindesk}. */
  Path defaultHome() {
    return userHome.resolve(".pindesk");
  }

  /** {@code pindesk.training.keys}'s default: {@code ~/.pindesk/training-keys}. */
  Path defaultTrainingKeys() {
    return defaultTrainingKeys(userHome);
  }

  /** {@code pindesk.training.keys}'s default for the user whose home is {@code userHome}. */
  static Path defaultTrainingKeys(Path userHome) {
    return userHome.resolve(".pindesk").resolve("training-keys");
  }

  /** {@code pindesk.home} as given, else its default (an invalid path is refused elsewhere). */
  private Path homeSetting() {
    try {
      return find("home").map(h -> Path.of(h.value())).orElse(defaultHome());
    } catch (java.nio.file.InvalidPathException e) {
      return defaultHome();
    }
  }

  private String defaultValue(String name, CounterConfig.Mode mode) {
    boolean production = mode == CounterConfig.Mode.PRODUCTION;
    return switch (name) {
      case "mode" -> CounterConfig.Mode.TRAINING.setting();
      case "lang" -> Settings.DEFAULT_LANGUAGE;
      case "font.scale" -> "1.0";
      case "workstation" -> production ? "" : TRAINING_WORKSTATION;
      case "home" -> defaultHome().toString();
      case "keys" -> homeSetting().resolve("keys").toString();
      case "training.keys" -> defaultTrainingKeys().toString();
      case "sam" -> production ? "psam" : "training";
      case "sam.profile" -> PsamProfiles.DEFAULT_ID;
      case "cardservice.profile" -> WireProfile.DEFAULT_ID;
      case "cardservice.timeout.seconds" -> "15";
      case "idle.minutes" -> Long.toString(IdleLock.DEFAULT_TIMEOUT.toMinutes());
      case "agent.regions" -> "all";
      case "pinpad.scrambled" -> "false";
      case "central.backlog.hours" -> "24";
      case "device" -> CardDevice.Kind.PCSC.setting();
      default -> "";
    };
  }
}
