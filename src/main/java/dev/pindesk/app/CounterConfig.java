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
    Device device,
    Map<String, SettingValue> sources) {

  /** The refusal when production lacks a workstation id (also for an empty one). */
  static final String NO_WORKSTATION = "counter.refused.no_workstation";

  static final String NO_SAM_READER = "counter.refused.no_sam_reader";
  static final String NOT_PSAM = "counter.refused.not_psam";
  static final String NO_SSCARD_LIBRARY = "counter.refused.no_sscard_library";

  /** In-process reader of the training PSAM (training mode with {@code pindesk.sam=psam}). */
  static final String TRAINING_PSAM_READER = "PinDesk Training PSAM";

  private static final String WORKSTATION_PATTERN = "[A-Za-z0-9._-]{1,64}";

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
   * The security module ({@code pindesk.sam}).
   *
   * @param psamReader the PSAM's reader, exact or a unique part; present exactly for a PSAM
   * @param psamProfile the PSAM vendor profile: a built-in id or a JSON file
   * @param virtualTrainingPsam whether a virtual training PSAM goes into {@link
   *     #TRAINING_PSAM_READER} (training on the in-process reader with {@code pindesk.sam=psam})
   * @param cardService the card-management service: the only module with {@code
   *     pindesk.sam=card-service}, after the PSAM when {@code pindesk.cardservice.url} is set
   *     beside a PSAM (ADR 0029)
   * @param inCertifiedReader {@code pindesk.sam=reader}: the PSAM is inside the certified reader
   *     and used by its library; PinDesk has no security module of its own (ADR 0034)
   */
  record SamChoice(
      Optional<String> psamReader,
      String psamProfile,
      boolean virtualTrainingPsam,
      Optional<CardServiceChoice> cardService,
      boolean inCertifiedReader) {
    /** Without a card-management service. */
    SamChoice(Optional<String> psamReader, String psamProfile, boolean virtualTrainingPsam) {
      this(psamReader, psamProfile, virtualTrainingPsam, Optional.empty());
    }

    SamChoice(
        Optional<String> psamReader,
        String psamProfile,
        boolean virtualTrainingPsam,
        Optional<CardServiceChoice> cardService) {
      this(psamReader, psamProfile, virtualTrainingPsam, cardService, false);
    }

    static SamChoice trainingKeys(String psamProfile) {
      return new SamChoice(Optional.empty(), psamProfile, false);
    }

    boolean psam() {
      return psamReader.isPresent();
    }
  }

  /** {@code pindesk.device}: how the citizen's card is reached. */
  enum DeviceKind {
    /** PC/SC readers (the card layer speaks APDUs itself). */
    PCSC,
    /** A certified reader's vendor library of the national read/write interface (ADR 0028). */
    SSCARD;

    String setting() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The card device ({@code pindesk.device}).
   *
   * @param kind PC/SC or the national interface
   * @param sscardLibrary the vendor library ({@code pindesk.sscard.library}), present exactly for
   *     {@link DeviceKind#SSCARD}
   * @param sscardCodes the vendor's return-code table ({@code pindesk.sscard.codes}), optional
   * @param sscardJava the Java runtime of the device host ({@code pindesk.sscard.java}, e.g. a
   *     32-bit JRE for a 32-bit DLL), else the counter's own
   */
  record Device(
      DeviceKind kind,
      Optional<Path> sscardLibrary,
      Optional<Path> sscardCodes,
      Optional<Path> sscardJava) {}

  /**
   * The province's card-management service ({@code pindesk.cardservice.*}, ADR 0029). The pin,
   * credentials and profile files are read by the wiring ({@code SamSetup}).
   *
   * @param url its {@code https://} URL
   * @param pin {@code sha256/BASE64} of its key, or its certificate file
   * @param credentials the file with this counter's client id and secret
   * @param profile the wire profile: a built-in id or a JSON file
   * @param terminalCode the terminal code sent ({@code zdbm}); the workstation id by default
   * @param timeout how long to wait for an answer
   */
  record CardServiceChoice(
      java.net.URI url,
      String pin,
      Path credentials,
      String profile,
      String terminalCode,
      Duration timeout) {}

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
            ? productionSam(s, used, workstation, device(s, used))
            : trainingSam(s, used, readers, workstation),
        new Central(
            s.find("central.url").map(SettingValue::value),
            s.find("central.cert").map(CounterConfig::path),
            s.find("central.backlog.hours")
                .map(CounterConfig::backlogLimit)
                .orElse(SyncConfig.DEFAULT_BACKLOG_LIMIT)),
        device(s, used),
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

  private static Path path(SettingValue value) {
    try {
      return Path.of(value.value());
    } catch (InvalidPathException e) {
      throw ConfigRefusedException.invalid(value, "config.fix.path");
    }
  }

  /**
   * {@code pindesk.device}: pcsc (default) or sscard, which needs {@code pindesk.sscard.library}.
   */
  private static Device device(CounterSettings s, Map<String, SettingValue> used) {
    SettingValue value = used.get("device");
    String v = value.value().strip().toLowerCase(Locale.ROOT);
    DeviceKind kind =
        java.util.Arrays.stream(DeviceKind.values())
            .filter(k -> k.setting().equals(v))
            .findFirst()
            .orElseThrow(() -> ConfigRefusedException.invalid(value, "config.fix.device"));
    Optional<Path> codes = s.find("sscard.codes").map(CounterConfig::path);
    Optional<Path> java = s.find("sscard.java").map(CounterConfig::path);
    if (kind == DeviceKind.PCSC) {
      return new Device(kind, Optional.empty(), codes, java);
    }
    Path library =
        s.find("sscard.library")
            .filter(l -> !l.value().isBlank())
            .map(CounterConfig::path)
            .orElseThrow(() -> ConfigRefusedException.missing(NO_SSCARD_LIBRARY));
    return new Device(kind, Optional.of(library), codes, java);
  }

  /**
   * The production counter's security module: a PSAM in a PC/SC reader (its reader required), the
   * card-management service, or — on a certified reader's counter — the PSAM inside that reader
   * ({@code pindesk.sam=reader}, with the service after it when one is configured).
   */
  private static SamChoice productionSam(
      CounterSettings s, Map<String, SettingValue> used, String workstation, Device device) {
    Optional<String> kind = s.find("sam").map(k -> k.value().strip().toLowerCase(Locale.ROOT));
    if (kind.isPresent() && kind.get().equals(IN_READER)) {
      if (device.kind() != DeviceKind.SSCARD) {
        throw ConfigRefusedException.missing(NOT_PSAM, kind.get());
      }
      return new SamChoice(
          Optional.empty(),
          used.get("sam.profile").value(),
          false,
          cardServiceAfterPsam(s, used, workstation),
          true);
    }
    if (kind.isPresent() && kind.get().equals(CARD_SERVICE)) {
      return new SamChoice(
          Optional.empty(),
          used.get("sam.profile").value(),
          false,
          Optional.of(cardService(s, used, used.get("sam"), workstation)));
    }
    if (kind.isPresent() && !kind.get().equals("psam")) {
      throw ConfigRefusedException.missing(NOT_PSAM, kind.get());
    }
    String reader =
        s.find("sam.reader")
            .map(SettingValue::value)
            .filter(r -> !r.isBlank())
            .orElseThrow(() -> ConfigRefusedException.missing(NO_SAM_READER));
    return new SamChoice(
        Optional.of(reader),
        used.get("sam.profile").value(),
        false,
        cardServiceAfterPsam(s, used, workstation));
  }

  /**
   * {@code pindesk.sam} naming the PSAM inside the certified reader ({@code
   * pindesk.device=sscard}).
   */
  static final String IN_READER = "reader";

  /** {@code pindesk.sam} naming the card-management service. */
  static final String CARD_SERVICE = "card-service";

  /** A service configured beside a PSAM ({@code pindesk.cardservice.url} set) follows it. */
  private static Optional<CardServiceChoice> cardServiceAfterPsam(
      CounterSettings s, Map<String, SettingValue> used, String workstation) {
    return s.find("cardservice.url")
        .filter(u -> !u.value().isBlank())
        .map(u -> cardService(s, used, u, workstation));
  }

  /**
   * The card-management service's settings; {@code asking} is the setting that asked for it (a
   * missing one is refused naming it).
   */
  private static CardServiceChoice cardService(
      CounterSettings s, Map<String, SettingValue> used, SettingValue asking, String workstation) {
    SettingValue url = needed(s, "cardservice.url", asking);
    SettingValue pin = needed(s, "cardservice.pin", asking);
    SettingValue credentials = needed(s, "cardservice.credentials", asking);
    java.net.URI uri;
    try {
      uri = new java.net.URI(url.value().strip());
    } catch (java.net.URISyntaxException e) {
      throw ConfigRefusedException.invalid(url, "config.fix.cardservice.url");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw ConfigRefusedException.invalid(url, "config.fix.cardservice.url");
    }
    String p = pin.value().strip();
    if (p.startsWith("sha256/") && !p.matches("sha256/[A-Za-z0-9+/]{43}=")) {
      throw ConfigRefusedException.invalid(pin, "config.fix.cardservice.pin");
    }
    String terminal = used.get("cardservice.terminal").value().strip();
    if (!terminal.isEmpty() && !terminal.matches(WORKSTATION_PATTERN)) {
      throw ConfigRefusedException.invalid(
          used.get("cardservice.terminal"), "config.fix.cardservice.terminal");
    }
    return new CardServiceChoice(
        uri,
        p,
        path(credentials),
        used.get("cardservice.profile").value().strip(),
        terminal.isEmpty() ? workstation : terminal,
        cardServiceTimeout(used.get("cardservice.timeout.seconds")));
  }

  private static SettingValue needed(CounterSettings s, String name, SettingValue asking) {
    return s.find(name)
        .filter(v -> !v.value().isBlank())
        .orElseThrow(
            () ->
                ConfigRefusedException.invalid(
                    asking, "config.fix.cardservice.missing", "pindesk." + name));
  }

  /** Whole seconds, 1 to 120. */
  private static Duration cardServiceTimeout(SettingValue value) {
    try {
      long seconds = Long.parseLong(value.value().strip());
      if (seconds >= 1 && seconds <= 120) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ConfigRefusedException.invalid(value, "config.fix.cardservice.timeout");
  }

  /**
   * Training keys by default; a PSAM with {@code --sam-reader} or {@code pindesk.sam=psam}, in the
   * reader {@code --sam-reader}, else {@code pindesk.sam.reader}, else (on the in-process reader)
   * the virtual training PSAM's.
   */
  private static SamChoice trainingSam(
      CounterSettings s, Map<String, SettingValue> used, Readers readers, String workstation) {
    String profile = used.get("sam.profile").value();
    Optional<SettingValue> readerOption =
        s.find("sam.reader").filter(r -> r.source().kind() == SettingSource.Kind.OPTION);
    SettingValue kindValue = used.get("sam");
    String kind = kindValue.value().strip().toLowerCase(Locale.ROOT);
    if (readerOption.isEmpty() && kind.equals("training")) {
      return SamChoice.trainingKeys(profile);
    }
    if (readerOption.isEmpty() && kind.equals(CARD_SERVICE)) {
      return new SamChoice(
          Optional.empty(),
          profile,
          false,
          Optional.of(cardService(s, used, kindValue, workstation)));
    }
    if (readerOption.isEmpty() && !kind.equals("psam")) {
      throw ConfigRefusedException.invalid(kindValue, "config.fix.sam");
    }
    boolean virtual = kind.equals("psam") && readers == Readers.TRAINING_READER;
    Optional<String> reader =
        s.find("sam.reader")
            .map(SettingValue::value)
            .or(() -> virtual ? Optional.of(TRAINING_PSAM_READER) : Optional.empty())
            .filter(r -> !r.isBlank());
    if (reader.isEmpty()) {
      throw ConfigRefusedException.invalid(kindValue, "config.fix.sam.reader");
    }
    return new SamChoice(reader, profile, virtual, cardServiceAfterPsam(s, used, workstation));
  }
}
