package dev.pindesk.app;

import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Settings read at start-up, by name without the {@code pindesk.} prefix, from (first wins):
 *
 * <ol>
 *   <li>system properties ({@code -Dpindesk.x});
 *   <li>the environment ({@code PINDESK_X});
 *   <li>the machine's settings file, where IT sets up an installed counter once for every clerk:
 *       {@code pindesk.config} / {@code PINDESK_CONFIG} names it, else {@code
 *       /etc/pindesk/pindesk.properties} ({@code %ProgramData%\PinDesk\pindesk.properties} on
 *       Windows). Java properties in UTF-8 with the same names as the system properties ({@code
 *       pindesk.mode=production}). No file at the default place is normal; a file that cannot be
 *       read is a {@link #problem()}, and the counter refuses to start rather than run without it.
 * </ol>
 */
final class Settings {
  private static final String PREFIX = "pindesk.";

  private static volatile FileSettings file;

  private Settings() {}

  static Optional<String> get(String name) {
    return lookup(name, System::getProperty, System::getenv, machineFile().values());
  }

  /** Why the settings file cannot be used, if it cannot. */
  static Optional<FileProblem> fileProblem() {
    return machineFile().problem();
  }

  /** The names the settings file sets, as written there ({@code pindesk.mode}). */
  static java.util.Set<String> fileNames() {
    return machineFile().values().keySet();
  }

  /** The settings file in use (it may not exist). */
  static Path file() {
    return machineFile().path();
  }

  /**
   * The machine's settings with where each value came from (the counter's {@link CounterConfig}).
   */
  static SettingLookup lookup() {
    return name -> {
      FileSettings f = machineFile();
      return find(name, System::getProperty, System::getenv, f.values(), f.path());
    };
  }

  static Optional<String> lookup(
      String name,
      Function<String, String> properties,
      Function<String, String> environment,
      Map<String, String> fileValues) {
    return find(name, properties, environment, fileValues, Path.of("pindesk.properties"))
        .map(SettingValue::value);
  }

  /** {@code name}'s value from the first place that sets it, and that place. */
  static Optional<SettingValue> find(
      String name,
      Function<String, String> properties,
      Function<String, String> environment,
      Map<String, String> fileValues,
      Path file) {
    String property = properties.apply(PREFIX + name);
    if (property != null && !property.isBlank()) {
      return Optional.of(
          new SettingValue(name, property, SettingSource.systemProperty(PREFIX + name)));
    }
    String envName = environmentName(name);
    String env = environment.apply(envName);
    if (env != null && !env.isBlank()) {
      return Optional.of(new SettingValue(name, env, SettingSource.environment(envName)));
    }
    String value = fileValues.get(PREFIX + name);
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(new SettingValue(name, value.strip(), SettingSource.file(file)));
  }

  /** {@code idle.minutes} is read from {@code PINDESK_IDLE_MINUTES}. */
  static String environmentName(String name) {
    return "PINDESK_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /**
   * Where the settings file's name came from: {@code pindesk.config} / {@code PINDESK_CONFIG}, else
   * the platform's default place.
   */
  static SettingValue fileSetting() {
    SettingSource source =
        configuredPath().isEmpty()
            ? SettingSource.byDefault()
            : System.getProperty(PREFIX + "config", "").isBlank()
                ? SettingSource.environment("PINDESK_CONFIG")
                : SettingSource.systemProperty(PREFIX + "config");
    return new SettingValue("config", file().toString(), source);
  }

  /**
   * UI/CLI language: {@code pindesk.lang} / {@code PINDESK_LANG}, Simplified Chinese by default.
   */
  static Messages messages() {
    return Messages.forTag(get("lang").orElse(DEFAULT_LANGUAGE));
  }

  /**
   * The CLI's language: {@code pindesk.lang} / {@code PINDESK_LANG} (or the settings file) first,
   * then the terminal's POSIX locale ({@link #posixLanguage}), then Simplified Chinese. The windows
   * keep {@link #messages()}: a counter's desktop session often says {@code en_US} whatever the
   * clerk reads, so only the settings decide there.
   */
  static Messages cliMessages() {
    return Messages.forTag(cliLanguage(get("lang"), System::getenv));
  }

  /** The CLI's language tag from the {@code lang} setting, else the environment's POSIX locale. */
  static String cliLanguage(Optional<String> configured, Function<String, String> environment) {
    return configured.or(() -> posixLanguage(environment)).orElse(DEFAULT_LANGUAGE);
  }

  static final String DEFAULT_LANGUAGE = "zh-CN";

  /**
   * The language of a POSIX locale, read as the C library does: the first of {@code LC_ALL}, {@code
   * LC_MESSAGES}, {@code LANG} that is set and not empty decides. {@code en_US.UTF-8} gives {@code
   * en-US}; {@code C}, {@code POSIX} (and {@code C.UTF-8}) give the default, as does no variable at
   * all.
   */
  static Optional<String> posixLanguage(Function<String, String> environment) {
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = environment.apply(name);
      if (value == null || value.isBlank()) {
        continue;
      }
      String locale = value.strip();
      int cut = locale.length();
      for (char c : new char[] {'.', '@'}) {
        int at = locale.indexOf(c);
        if (at >= 0) {
          cut = Math.min(cut, at);
        }
      }
      locale = locale.substring(0, cut);
      if (locale.isEmpty() || locale.equals("C") || locale.equals("POSIX")) {
        return Optional.empty();
      }
      return Optional.of(locale.replace('_', '-'));
    }
    return Optional.empty();
  }

  private static FileSettings machineFile() {
    FileSettings f = file;
    if (f == null) {
      synchronized (Settings.class) {
        f = file;
        if (f == null) {
          f = FileSettings.load(configuredPath(), System.getenv("ProgramData"));
          file = f;
        }
      }
    }
    return f;
  }

  private static Optional<Path> configuredPath() {
    String property = System.getProperty(PREFIX + "config");
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property));
    }
    String env = System.getenv("PINDESK_CONFIG");
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(Path.of(env));
  }

  /** A settings file that could not be used: the message key, the file and the reason's key. */
  record FileProblem(String key, Path file, String reason) {
    /** The translated text, saying what to do. */
    String describe(Messages messages) {
      return messages.get(key, file.toString(), reason.isEmpty() ? "" : messages.get(reason));
    }
  }

  /** The machine's settings file as read once at start-up. */
  record FileSettings(Path path, Map<String, String> values, Optional<FileProblem> problem) {

    /**
     * Reads {@code configured}, else the platform's default file ({@code programData} is Windows'
     * {@code %ProgramData%}); a configured file must exist, the default one may not.
     */
    static FileSettings load(Optional<Path> configured, String programData) {
      boolean windows = System.getProperty("os.name", "").startsWith("Windows");
      Path path =
          configured.orElseGet(
              () ->
                  windows && programData != null
                      ? Path.of(programData, "PinDesk", "pindesk.properties")
                      : Path.of("/etc", "pindesk", "pindesk.properties"));
      return read(path, configured.isPresent());
    }

    static FileSettings read(Path path, boolean required) {
      Properties p = new Properties();
      try (java.io.BufferedReader r =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  Files.newInputStream(path),
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)))) {
        r.mark(1);
        if (r.read() != '\uFEFF') {
          r.reset(); // no byte-order mark (Notepad writes one; the first key must not keep it)
        }
        p.load(r);
      } catch (NoSuchFileException e) {
        return required
            ? failed(path, "settings.file.missing", "")
            : new FileSettings(path, Map.of(), Optional.empty());
      } catch (CharacterCodingException e) {
        return failed(path, "settings.file.unreadable", "settings.file.reason.encoding");
      } catch (java.nio.file.AccessDeniedException e) {
        return failed(path, "settings.file.unreadable", "settings.file.reason.permission");
      } catch (IllegalArgumentException e) {
        // a malformed \\uXXXX escape
        return failed(path, "settings.file.unreadable", "settings.file.reason.escape");
      } catch (IOException e) {
        return failed(
            path,
            "settings.file.unreadable",
            Files.isDirectory(path) ? "settings.file.reason.directory" : "settings.file.reason.io");
      }
      Map<String, String> values = new java.util.HashMap<>();
      p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
      return new FileSettings(path, Map.copyOf(values), Optional.empty());
    }

    private static FileSettings failed(Path path, String key, String reason) {
      return new FileSettings(path, Map.of(), Optional.of(new FileProblem(key, path, reason)));
    }
  }
}
