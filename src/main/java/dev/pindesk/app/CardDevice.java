package dev.pindesk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The card device ({@code pindesk.device}).
 *
 * @param kind PC/SC or the national interface
 * @param sscardLibrary the vendor library ({@code pindesk.sscard.library}), present exactly for
 *     {@link Kind#SSCARD}
 * @param sscardCodes the vendor's return-code table ({@code pindesk.sscard.codes}), optional
 * @param sscardJava the Java runtime of the device host ({@code pindesk.sscard.java}, e.g. a 32-bit
 *     JRE for a 32-bit DLL), else the counter's own
 */
record CardDevice(
    Kind kind,
    Optional<Path> sscardLibrary,
    Optional<Path> sscardCodes,
    Optional<Path> sscardJava) {
  /** The refusal of {@code pindesk.device=sscard} without a library. */
  static final String NO_SSCARD_LIBRARY = "counter.refused.no_sscard_library";

  /** {@code pindesk.device}: how the citizen's card is reached. */
  enum Kind {
    /** PC/SC readers (the card layer speaks APDUs itself). */
    PCSC,
    /** A certified reader's vendor library of the national read/write interface (ADR 0028). */
    SSCARD;

    String setting() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * {@code pindesk.device}: pcsc (default) or sscard, which needs {@code pindesk.sscard.library}.
   */
  static CardDevice of(CounterSettings s, Map<String, SettingValue> used) {
    SettingValue value = used.get("device");
    String v = value.value().strip().toLowerCase(Locale.ROOT);
    Kind kind =
        java.util.Arrays.stream(Kind.values())
            .filter(k -> k.setting().equals(v))
            .findFirst()
            .orElseThrow(() -> ConfigRefusedException.invalid(value, "config.fix.device"));
    Optional<Path> codes = s.find("sscard.codes").map(CounterConfig::path);
    Optional<Path> java = s.find("sscard.java").map(CounterConfig::path);
    if (kind == Kind.PCSC) {
      return new CardDevice(kind, Optional.empty(), codes, java);
    }
    Path library =
        s.find("sscard.library")
            .filter(l -> !l.value().isBlank())
            .map(CounterConfig::path)
            .orElseThrow(() -> ConfigRefusedException.missing(NO_SSCARD_LIBRARY));
    return new CardDevice(kind, Optional.of(library), codes, java);
  }
}
