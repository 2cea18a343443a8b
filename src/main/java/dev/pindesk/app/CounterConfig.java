package dev.pindesk.app;

import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.signin.IdleLock;
import dev.pindesk.service.sync.SyncConfig;
import dev.pindesk.ui.common.FontScale;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the counter is started with, validated once at start-up from the command-line options
 * and the machine's settings ({@link #from}); the wiring reads only this. Immutable, and built
 * without reading any file: files a setting names (the PIN policy, a PSAM profile, the receipt
 * font, the central's certificate) are opened by the wiring, which refuses a file that cannot be
 * used through {@link #refusal} the same way.
 *
 * @param mode training or production
 * @param diagnostics only the reader and card window ({@code --diagnostics})
 * @param readers the in-process training reader or the real PC/SC readers
 * @param home the counter's own directory: {@code pindesk.home} (default {@code ~/.pindesk}), its
 *     {@code training} subdirectory in training
 * @param keys the workstation keys: {@code pindesk.keys} (default {@code HOME/keys}) in production,
 *     {@code pindesk.training.keys} (default {@code ~/.pindesk/training-keys}) in training
 * @param workstation the workstation id ({@code TRAINING-01} by default in training only)
 * @param fontScale the text size, {@link FontScale#MIN} to {@link FontScale#MAX}
 * @param language the windows' language tag ({@code pindesk.lang})
 * @param idleTimeout the sign-in lock after inactivity ({@code pindesk.idle.minutes})
 * @param agents where agents may act for a holder ({@code pindesk.agent.regions})
 * @param pinPolicyFile the administrator's PIN policy file, else the built-in policy
 * @param pinPadScrambled whether the customer PIN pad scrambles its keys
 * @param receiptFont a TrueType CJK font to use first on receipts (ADR 0017)
 * @param securityModule the security module and, for a PSAM, its reader (resolved here once)
 * @param central where the journal is shipped (sync problems never stop the counter)
 * @param device how the citizen's card is reached: PC/SC, or a reader's national-interface library
 * @param sources every setting the config was built from, with where it came from
 */
record CounterConfig(
    Mode mode,
    boolean diagnostics,
    Readers readers,
    Path home,
    Path keys,
    String workstation,
    double fontScale,
    String language,
    Duration idleTimeout,
    AgentPolicy agents,
    Optional<Path> pinPolicyFile,
    boolean pinPadScrambled,
    Optional<Path> receiptFont,
    SamChoice securityModule,
    Central central,
    CardDevice device,
    Map<String, SettingValue> sources) {

  /** The refusal when production lacks a workstation id (also for an empty one). */
  static final String NO_WORKSTATION = "counter.refused.no_workstation";

  /** In-process reader of the training PSAM (training mode with {@code pindesk.sam=psam}). */
  static final String TRAINING_PSAM_READER = "PinDesk Training PSAM";

  static final String WORKSTATION_PATTERN = "[A-Za-z0-9._-]{1,64}";

  /** Which counter. */
  enum Mode {
    TRAINING,
    PRODUCTION;

    /** The value of {@code pindesk.mode} and the option's name. */
    String setting() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The mode {@code value} names (case and spaces aside), if it names one. */
    static Optional<Mode> parse(String value) {
      String mode = value.strip().toLowerCase(Locale.ROOT);
      for (Mode m : values()) {
        if (m.setting().equals(mode)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  /** Where the citizen's card is read. */
  enum Readers {
    /** The in-process training reader with the training card (training without {@code --pcsc}). */
    TRAINING_READER,
    /** The machine's PC/SC readers. */
    PCSC
  }

  /**
   * The central the journal is shipped to ({@code pindesk.central.*}); unset URL: no sync.
   *
   * @param backlogLimit the age of the oldest unsent entry that raises the alert
   */
  record Central(Optional<String> url, Optional<Path> certificate, Duration backlogLimit) {}

  /**
   * Validates the options and settings.
   *
   * @param settings the machine's settings ({@link Settings#lookup()})
   * @param userHome where the default homes are ({@code user.home})
   * @throws ConfigRefusedException for the first setting that is invalid, or missing where the mode
   *     needs it
   */
  static CounterConfig from(CounterOptions options, SettingLookup settings, Path userHome) {
    CounterSettings s = new CounterSettings(options, settings, userHome);
    Map<String, SettingValue> used = new LinkedHashMap<>();
    Mode mode = mode(s.effective("mode", Mode.TRAINING));
    for (String name : CounterSettings.NAMES) {
      used.put(name, s.effective(name, mode));
    }
    boolean production = mode == Mode.PRODUCTION;
    String workstation = production ? productionWorkstation(s) : used.get("workstation").value();
    Path base = path(used.get("home"));
    Path home = production ? base : base.resolve("training");
    Path keys =
        production
            ? s.find("keys").map(CounterConfig::path).orElse(base.resolve("keys"))
            : path(used.get("training.keys"));
    Readers readers = production || options.pcsc() ? Readers.PCSC : Readers.TRAINING_READER;
    CardDevice device = CardDevice.of(s, used);
    return new CounterConfig(
        mode,
        options.diagnostics(),
        readers,
        home,
        keys,
        workstation,
        fontScale(used.get("font.scale")),
        used.get("lang").value(),
        s.find("idle.minutes").map(CounterConfig::idleTimeout).orElse(IdleLock.DEFAULT_TIMEOUT),
        s.find("agent.regions").map(CounterConfig::agents).orElse(AgentPolicy.everywhere()),
        s.find("pin.policy").map(CounterConfig::path),
        bool(used.get("pinpad.scrambled")),
        s.find("receipt.font").map(CounterConfig::path),
        production
            ? SecurityModuleSettings.production(s, used, workstation, device)
            : SecurityModuleSettings.training(s, used, readers, workstation),
        new Central(
            s.find("central.url").map(SettingValue::value),
            s.find("central.cert").map(CounterConfig::path),
            s.find("central.backlog.hours")
                .map(CounterConfig::backlogLimit)
                .orElse(SyncConfig.DEFAULT_BACKLOG_LIMIT)),
        device,
        Map.copyOf(used));
  }

  /**
   * {@code pindesk.pcsc.library}: the pcsc-lite library SunPCSC is to load; absent: PinDesk finds
   * it (Linux) or the platform's is used.
   */
  Optional<String> pcscLibrary() {
    return Optional.ofNullable(sources.get("pcsc.library"))
        .map(SettingValue::value)
        .filter(v -> !v.isBlank());
  }

  boolean production() {
    return mode == Mode.PRODUCTION;
  }

  /** The windows' language. */
  Messages messages() {
    return Messages.forTag(language);
  }

  /** The journal in the counter's home. */
  Path journalFile() {
    return home.resolve("journal.db");
  }

  /**
   * The refusal of setting {@code name} as in effect, for a file it names that cannot be used;
   * {@code fix} says why and what to do.
   */
  ConfigRefusedException refusal(String name, String fix, Object... fixArgs) {
    SettingValue setting =
        Optional.ofNullable(sources.get(name))
            .orElseGet(() -> new SettingValue(name, "", SettingSource.byDefault()));
    return ConfigRefusedException.invalid(setting, fix, fixArgs);
  }

  private static Mode mode(SettingValue value) {
    return Mode.parse(value.value())
        .orElseThrow(() -> ConfigRefusedException.invalid(value, "config.fix.mode"));
  }

  private static String productionWorkstation(CounterSettings s) {
    SettingValue value =
        s.find("workstation").orElseThrow(() -> ConfigRefusedException.missing(NO_WORKSTATION));
    String workstation = value.value().strip();
    if (!workstation.matches(WORKSTATION_PATTERN)) {
      throw ConfigRefusedException.invalid(value, "config.fix.workstation");
    }
    return workstation;
  }

  /**
   * The audit window's text size ({@code audit --font-scale}, else {@code pindesk.font.scale}, else
   * 1). Unchanged by this config: the audit window has no sign-in screen to refuse on, so a value
   * that is not a number stays 1 there, and the window clamps one out of range.
   */
  static double auditFontScale(Optional<Double> option, SettingLookup settings) {
    try {
      return option.orElseGet(() -> Double.parseDouble(settings.get("font.scale").orElse("1")));
    } catch (NumberFormatException e) {
      return 1.0;
    }
  }

  private static double fontScale(SettingValue value) {
    try {
      double scale = Double.parseDouble(value.value().strip());
      if (scale >= FontScale.MIN && scale <= FontScale.MAX) {
        return scale;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ConfigRefusedException.invalid(
        value, "config.fix.font.scale", FontScale.MIN, FontScale.MAX);
  }

  /** Whole minutes, 1 to 1440. */
  private static Duration idleTimeout(SettingValue value) {
    try {
      long minutes = Long.parseLong(value.value().strip());
      if (minutes >= 1 && minutes <= 1440) {
        return Duration.ofMinutes(minutes);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ConfigRefusedException.invalid(value, "config.fix.idle.minutes");
  }

  private static AgentPolicy agents(SettingValue value) {
    try {
      return AgentPolicy.parse(value.value());
    } catch (IllegalArgumentException e) {
      throw ConfigRefusedException.invalid(value, "config.fix.agent.regions");
    }
  }

  private static boolean bool(SettingValue value) {
    String v = value.value().strip().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw ConfigRefusedException.invalid(value, "config.fix.boolean");
  }

  /** Hours, more than 0 (fractions allowed). */
  private static Duration backlogLimit(SettingValue value) {
    try {
      double hours = Double.parseDouble(value.value().strip());
      long minutes = Math.round(hours * 60);
      if (Double.isFinite(hours) && minutes >= 1) {
        return Duration.ofMinutes(minutes);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ConfigRefusedException.invalid(value, "config.fix.central.backlog.hours");
  }

  static Path path(SettingValue value) {
    try {
      return Path.of(value.value());
    } catch (InvalidPathException e) {
      throw ConfigRefusedException.invalid(value, "config.fix.path");
    }
  }
}
