package dev.pindesk.app;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The security-module settings of a counter ({@code pindesk.sam}, {@code pindesk.sam.reader},
 * {@code pindesk.sam.profile}, {@code pindesk.cardservice.*}) validated into a {@link SamChoice}:
 * for production a PSAM, the card-management service or the certified reader's own PSAM; for
 * training the training keys unless a PSAM or the service is asked for.
 */
final class SecurityModuleSettings {
  /** The refusal when a production PSAM has no reader. */
  static final String NO_SAM_READER = "counter.refused.no_sam_reader";

  /** The refusal of a production security module that is none of those a counter may use. */
  static final String NOT_PSAM = "counter.refused.not_psam";

  private SecurityModuleSettings() {}

  /**
   * The production counter's security module: a PSAM in a PC/SC reader (its reader required), the
   * card-management service, or — on a certified reader's counter — the PSAM inside that reader
   * ({@code pindesk.sam=reader}, with the service after it when one is configured).
   */
  static SamChoice production(
      CounterSettings s, Map<String, SettingValue> used, String workstation, CardDevice device) {
    Optional<String> kind = s.find("sam").map(k -> k.value().strip().toLowerCase(Locale.ROOT));
    if (kind.isPresent() && kind.get().equals(IN_READER)) {
      if (device.kind() != CardDevice.Kind.SSCARD) {
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
    if (!terminal.isEmpty() && !terminal.matches(CounterConfig.WORKSTATION_PATTERN)) {
      throw ConfigRefusedException.invalid(
          used.get("cardservice.terminal"), "config.fix.cardservice.terminal");
    }
    return new CardServiceChoice(
        uri,
        p,
        CounterConfig.path(credentials),
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
  static SamChoice training(
      CounterSettings s,
      Map<String, SettingValue> used,
      CounterConfig.Readers readers,
      String workstation) {
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
    boolean virtual = kind.equals("psam") && readers == CounterConfig.Readers.TRAINING_READER;
    Optional<String> reader =
        s.find("sam.reader")
            .map(SettingValue::value)
            .or(() -> virtual ? Optional.of(CounterConfig.TRAINING_PSAM_READER) : Optional.empty())
            .filter(r -> !r.isBlank());
    if (reader.isEmpty()) {
      throw ConfigRefusedException.invalid(kindValue, "config.fix.sam.reader");
    }
    return new SamChoice(reader, profile, virtual, cardServiceAfterPsam(s, used, workstation));
  }
}
