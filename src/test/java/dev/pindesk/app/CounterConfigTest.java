package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pindesk.i18n.Messages;
import dev.pindesk.service.signin.IdleLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The counter's settings are validated once, and every bad value is refused the same way: naming
 * the setting, its value and where it came from, and saying what to do.
 */
class CounterConfigTest {
  private static final Messages EN = Messages.of(Locale.ENGLISH);
  private static final Messages ZH = Messages.forTag("zh-CN");
  private static final Path FILE = Path.of("/etc/pindesk/pindesk.properties");
  private static final Path USER_HOME = Path.of("/home/clerk");

  private final Map<String, String> file = new HashMap<>();
  private CounterOptions options = CounterOptions.none();

  private CounterConfig config() {
    return CounterConfig.from(options, SettingLookup.of(file, SettingSource.file(FILE)), USER_HOME);
  }

  private ConfigRefusedException refusal() {
    ConfigRefusedException refused =
        catchThrowableOfType(this::config, ConfigRefusedException.class);
    assertThat(refused).as("refused").isNotNull();
    return refused;
  }

  private void production() {
    file.put("mode", "production");
    file.put("workstation", "SC-0101-01");
    file.put("sam.reader", "ACS ACR39U");
  }

  private static CounterOptions withOptions(
      Optional<CounterConfig.Mode> mode, Optional<String> samReader, Optional<Double> fontScale) {
    return new CounterOptions(mode, false, false, samReader, fontScale);
  }

  @Test
  void trainingIsTheDefaultWithItsOwnHomeKeysAndWorkstation() {
    CounterConfig c = config();

    assertThat(c.mode()).isEqualTo(CounterConfig.Mode.TRAINING);
    assertThat(c.readers()).isEqualTo(CounterConfig.Readers.TRAINING_READER);
    assertThat(c.home()).isEqualTo(USER_HOME.resolve(".pindesk").resolve("training"));
    assertThat(c.keys()).isEqualTo(USER_HOME.resolve(".pindesk").resolve("training-keys"));
    assertThat(c.workstation()).isEqualTo("TRAINING-01");
    assertThat(c.fontScale()).isEqualTo(1.0);
    assertThat(c.idleTimeout()).isEqualTo(IdleLock.DEFAULT_TIMEOUT);
    assertThat(c.securityModule().psam()).isFalse();
    assertThat(c.central().url()).isEmpty();
    assertThat(c.language()).isEqualTo("zh-CN");
    assertThat(c.sources().get("mode").source().kind()).isEqualTo(SettingSource.Kind.DEFAULT);
  }

  @Test
  void productionReadsItsHomeKeysWorkstationAndPsamFromTheSettings() {
    production();
    file.put("home", "/srv/pindesk");
    file.put("idle.minutes", "15");
    file.put("pinpad.scrambled", "TRUE");
    file.put("central.backlog.hours", "1.5");

    CounterConfig c = config();

    assertThat(c.production()).isTrue();
    assertThat(c.readers()).isEqualTo(CounterConfig.Readers.PCSC);
    assertThat(c.home()).isEqualTo(Path.of("/srv/pindesk"));
    assertThat(c.keys()).isEqualTo(Path.of("/srv/pindesk/keys"));
    assertThat(c.journalFile()).isEqualTo(Path.of("/srv/pindesk/journal.db"));
    assertThat(c.workstation()).isEqualTo("SC-0101-01");
    assertThat(c.securityModule().psamReader()).contains("ACS ACR39U");
    assertThat(c.securityModule().virtualTrainingPsam()).isFalse();
    assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.pinPadScrambled()).isTrue();
    assertThat(c.central().backlogLimit()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void thePcscLibraryIsASettingLikeAnyOtherAndAbsentWhenUnset() {
    assertThat(config().pcscLibrary()).isEmpty();
    file.put("pcsc.library", "/opt/vendor/libpcsclite.so.1");
    assertThat(config().pcscLibrary()).contains("/opt/vendor/libpcsclite.so.1");
  }

  @Test
  void optionsWinOverTheSettingsAndAreNamedAsTheSource() {
    production();
    options =
        withOptions(
            Optional.of(CounterConfig.Mode.TRAINING), Optional.of("PSAM 2"), Optional.of(1.5));

    CounterConfig c = config();

    assertThat(c.mode()).isEqualTo(CounterConfig.Mode.TRAINING);
    assertThat(c.fontScale()).isEqualTo(1.5);
    // --sam-reader implies the PSAM, also in training, and is the one reader name used
    assertThat(c.securityModule().psamReader()).contains("PSAM 2");
    assertThat(c.sources().get("mode").source()).isEqualTo(SettingSource.option("--training"));
    assertThat(c.sources().get("sam.reader").source())
        .isEqualTo(SettingSource.option("--sam-reader"));
    assertThat(c.sources().get("font.scale").source())
        .isEqualTo(SettingSource.option("--font-scale"));
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironmentWhichWinsOverTheFileEachNamed() {
    Map<String, String> props = Map.of("pindesk.idle.minutes", "7");
    Map<String, String> env = Map.of("PINDESK_IDLE_MINUTES", "8", "PINDESK_LANG", "en");
    Map<String, String> values = Map.of("pindesk.idle.minutes", "9", "pindesk.font.scale", "1.2");
    SettingLookup lookup = name -> Settings.find(name, props::get, env::get, values, FILE);

    CounterConfig c = CounterConfig.from(CounterOptions.none(), lookup, USER_HOME);

    assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(7));
    assertThat(c.sources().get("idle.minutes").source())
        .isEqualTo(SettingSource.systemProperty("pindesk.idle.minutes"));
    assertThat(c.sources().get("lang").source())
        .isEqualTo(SettingSource.environment("PINDESK_LANG"));
    assertThat(c.messages().locale()).isEqualTo(Locale.ENGLISH);
    assertThat(c.sources().get("font.scale").source()).isEqualTo(SettingSource.file(FILE));
    assertThat(c.sources().get("agent.regions").source()).isEqualTo(SettingSource.byDefault());
  }

  @Test
  void everySourceIsDescribedInBothLanguages() {
    for (SettingSource source :
        List.of(
            SettingSource.option("--font-scale"),
            SettingSource.systemProperty("pindesk.font.scale"),
            SettingSource.environment("PINDESK_FONT_SCALE"),
            SettingSource.file(FILE),
            SettingSource.byDefault())) {
      assertThat(source.describe(EN)).doesNotStartWith("config.").contains(source.where());
      assertThat(source.describe(ZH)).doesNotStartWith("config.").contains(source.where());
    }
    assertThat(SettingSource.environment("PINDESK_MODE").describe(ZH))
        .isEqualTo("环境变量 PINDESK_MODE");
  }

  @Test
  void anUnknownModeIsRefusedNamingTheFileItCameFrom() {
    file.put("mode", "prodution");

    ConfigRefusedException refused = refusal();

    assertThat(refused.describe(EN))
        .isEqualTo(
            "The setting pindesk.mode is not valid: \"prodution\" (from the settings file "
                + FILE
                + "). Use training or production, then start again.");
    assertThat(refused.describe(ZH))
        .contains("pindesk.mode", "prodution", "设置文件 " + FILE, "training");
  }

  @Test
  void aFontScaleThatIsNotANumberIsRefusedNotSilentlyOne() {
    SettingLookup env =
        name ->
            name.equals("font.scale")
                ? Optional.of(
                    new SettingValue(
                        name, "large", SettingSource.environment("PINDESK_FONT_SCALE")))
                : Optional.empty();

    ConfigRefusedException refused =
        catchThrowableOfType(
            () -> CounterConfig.from(CounterOptions.none(), env, USER_HOME),
            ConfigRefusedException.class);

    assertThat(refused.describe(EN))
        .contains("pindesk.font.scale", "\"large\"", "environment variable PINDESK_FONT_SCALE")
        .contains("from 0.8 to 2");
  }

  @Test
  void aFontScaleOutsideTheWindowsRangeIsRefusedNamingTheOption() {
    options = withOptions(Optional.empty(), Optional.empty(), Optional.of(3.0));

    assertThat(refusal().describe(EN)).contains("pindesk.font.scale", "3.0", "option --font-scale");
  }

  @Test
  void idleMinutesMustBeWholeMinutesFromOneTo1440() {
    for (String bad : List.of("5m", "0", "1441", "-3")) {
      file.put("idle.minutes", bad);
      assertThat(refusal().describe(ZH)).as(bad).contains("pindesk.idle.minutes", bad, "1440");
    }
    file.put("idle.minutes", "1440");
    assertThat(config().idleTimeout()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void agentRegionsThatAreNotAPolicyAreRefused() {
    file.put("agent.regions", "Beijing");

    assertThat(refusal().describe(ZH)).contains("pindesk.agent.regions", "Beijing", "11,3101");
  }

  @Test
  void pinPadScrambledMustBeTrueOrFalse() {
    file.put("pinpad.scrambled", "yes");

    assertThat(refusal().describe(EN)).contains("pindesk.pinpad.scrambled", "yes", "true or false");
  }

  @Test
  void aBacklogLimitThatIsNotPositiveHoursIsRefused() {
    for (String bad : List.of("a day", "0", "-1", "NaN")) {
      file.put("central.backlog.hours", bad);
      assertThat(refusal().describe(EN)).as(bad).contains("pindesk.central.backlog.hours", bad);
    }
  }

  @Test
  void aPathWithANulCharacterIsRefused() {
    file.put("home", "/srv/pin\u0000desk");

    assertThat(refusal().setting().orElseThrow().name()).isEqualTo("home");
  }

  @Test
  void productionWithoutWorkstationIsRefusedWithWhatToSet() {
    production();
    file.remove("workstation");

    ConfigRefusedException refused = refusal();

    assertThat(refused.messageKey()).isEqualTo(CounterConfig.NO_WORKSTATION);
    assertThat(refused.describe(ZH)).contains("pindesk.workstation");
  }

  @Test
  void productionRefusesAnInvalidWorkstationNamingItsSource() {
    production();
    file.put("workstation", "counter 1/east");

    assertThat(refusal().describe(EN))
        .contains("pindesk.workstation", "counter 1/east", "settings file", "1-64 letters");
  }

  @Test
  void productionNeverUsesTheTrainingKeysModule() {
    production();
    file.put("sam", "training");

    ConfigRefusedException refused = refusal();

    assertThat(refused.messageKey()).isEqualTo(SecurityModuleSettings.NOT_PSAM);
    assertThat(refused.describe(EN)).contains("pindesk.sam=training");
  }

  @Test
  void productionWithoutPsamReaderIsRefused() {
    production();
    file.remove("sam.reader");

    assertThat(refusal().messageKey()).isEqualTo(SecurityModuleSettings.NO_SAM_READER);
  }

  @Test
  void productionKeysDefaultToTheHomeUnlessSet() {
    production();
    file.put("keys", "/etc/pindesk/keys");

    assertThat(config().keys()).isEqualTo(Path.of("/etc/pindesk/keys"));
  }

  @Test
  void trainingWithPsamOnTheTrainingReaderUsesTheVirtualTrainingPsam() {
    file.put("sam", " PSAM ");

    SamChoice sam = config().securityModule();

    assertThat(sam.psamReader()).contains(CounterConfig.TRAINING_PSAM_READER);
    assertThat(sam.virtualTrainingPsam()).isTrue();
  }

  @Test
  void trainingWithPsamOnRealReadersNeedsTheReader() {
    file.put("sam", "psam");
    options = new CounterOptions(Optional.empty(), true, false, Optional.empty(), Optional.empty());

    assertThat(refusal().describe(EN)).contains("pindesk.sam", "psam", "pindesk.sam.reader");

    file.put("sam.reader", "Virtual PCD 00 01");
    assertThat(config().securityModule().psamReader()).contains("Virtual PCD 00 01");
    assertThat(config().securityModule().virtualTrainingPsam()).isFalse();
  }

  @Test
  void anUnknownSecurityModuleIsRefusedInTraining() {
    file.put("sam", "hsm");

    assertThat(refusal().describe(EN)).contains("pindesk.sam", "hsm", "training", "psam");
  }

  @Test
  void aFileTheWiringCannotUseIsRefusedTheSameWayNamingItsSetting() {
    file.put("pin.policy", "/etc/pindesk/policy.json");

    ConfigRefusedException refused =
        config().refusal("pin.policy", "pin.policy.file.missing", "/etc/pindesk/policy.json");

    assertThat(refused.describe(EN))
        .startsWith("The setting pindesk.pin.policy is not valid: \"/etc/pindesk/policy.json\"")
        .contains("settings file " + FILE)
        .contains("The PIN policy file does not exist");
  }

  @Test
  void theSignInScreenGetsTheRefusalInItsLanguage() {
    file.put("idle.minutes", "5m");

    dev.pindesk.ui.common.CounterRefusedException clerk = refusal().forClerk(ZH);

    assertThat(ZH.get(clerk.messageKey(), clerk.args()))
        .contains("pindesk.idle.minutes", "5m", "设置文件");
  }

  @Test
  void theCardDeviceIsPcscUnlessTheNationalInterfaceLibraryIsChosen() {
    assertThat(config().device().kind()).isEqualTo(CardDevice.Kind.PCSC);
    assertThat(config().device().sscardLibrary()).isEmpty();

    file.put("device", "SSCard");
    file.put("sscard.library", "/opt/vendor/libSSCard.so");
    file.put("sscard.codes", "/etc/pindesk/vendor-codes.properties");
    file.put("sscard.java", "/opt/jre17-x86/bin/java");
    CounterConfig c = config();
    assertThat(c.device().sscardJava()).hasValue(Path.of("/opt/jre17-x86/bin/java"));
    assertThat(c.device().kind()).isEqualTo(CardDevice.Kind.SSCARD);
    assertThat(c.device().sscardLibrary()).hasValue(Path.of("/opt/vendor/libSSCard.so"));
    assertThat(c.device().sscardCodes()).hasValue(Path.of("/etc/pindesk/vendor-codes.properties"));
  }

  @Test
  void rejectsAnUnknownCardDevice() {
    file.put("device", "usb");
    assertThat(refusal().describe(EN)).contains("pindesk.device", "usb", "pcsc", "sscard");
  }

  @Test
  void rejectsTheNationalInterfaceWithoutItsLibrary() {
    file.put("device", "sscard");
    ConfigRefusedException refused = refusal();
    assertThat(refused.messageKey()).isEqualTo(CardDevice.NO_SSCARD_LIBRARY);
    assertThat(refused.describe(EN)).contains("pindesk.sscard.library");
  }
}
