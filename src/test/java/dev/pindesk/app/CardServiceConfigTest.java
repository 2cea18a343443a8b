package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pindesk.adapters.cardservice.CardServiceServer;
import dev.pindesk.adapters.cardservice.ClientCredentials;
import dev.pindesk.adapters.cardservice.ServiceIdentity;
import dev.pindesk.adapters.cardservice.WireProfile;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.KeyPurpose;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pindesk.sam=card-service} and {@code pindesk.cardservice.*}: validated with the counter's
 * other settings, refused naming what is missing or wrong, and turned by {@link SamSetup} into the
 * card-management service client (alone, or after the PSAM in production).
 */
class CardServiceConfigTest {
  private static final Messages EN = Messages.of(Locale.ENGLISH);
  private static final Path FILE = Path.of("/etc/pindesk/pindesk.properties");
  private static final Path USER_HOME = Path.of("/home/clerk");
  private static final String PIN = "sha256/" + "A".repeat(43) + "=";

  @TempDir Path dir;
  private final Map<String, String> file = new HashMap<>();

  private CounterConfig config() {
    return CounterConfig.from(
        CounterOptions.none(), SettingLookup.of(file, SettingSource.file(FILE)), USER_HOME);
  }

  private ConfigRefusedException refusal() {
    ConfigRefusedException refused =
        catchThrowableOfType(this::config, ConfigRefusedException.class);
    assertThat(refused).as("refused").isNotNull();
    return refused;
  }

  private void cardService() {
    file.put("sam", "card-service");
    file.put("cardservice.url", "https://cardservice.example:8443");
    file.put("cardservice.pin", PIN);
    file.put("cardservice.credentials", "/etc/pindesk/card-service-client.properties");
  }

  @Test
  void trainingWithTheCardServiceUsesItAloneWithTheWorkstationAsTerminalCode() {
    cardService();

    SamChoice sam = config().securityModule();

    assertThat(sam.psam()).isFalse();
    CardServiceChoice c = sam.cardService().orElseThrow();
    assertThat(c.url()).isEqualTo(URI.create("https://cardservice.example:8443"));
    assertThat(c.pin()).isEqualTo(PIN);
    assertThat(c.credentials()).isEqualTo(Path.of("/etc/pindesk/card-service-client.properties"));
    assertThat(c.profile()).isEqualTo(WireProfile.DEFAULT_ID);
    assertThat(c.terminalCode()).isEqualTo("TRAINING-01");
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void aMissingServiceSettingIsRefusedNamingIt() {
    cardService();
    file.remove("cardservice.credentials");

    assertThat(refusal().describe(EN))
        .contains("pindesk.sam", "card-service", "pindesk.cardservice.credentials");
  }

  @Test
  void badServiceValuesAreRefusedNamingTheSetting() {
    cardService();
    file.put("cardservice.url", "http://cardservice.example");
    assertThat(refusal().describe(EN)).contains("pindesk.cardservice.url", "https://");

    cardService();
    file.put("cardservice.pin", "sha256/short");
    assertThat(refusal().describe(EN)).contains("pindesk.cardservice.pin", "sha256/");

    cardService();
    file.put("cardservice.timeout.seconds", "0");
    assertThat(refusal().describe(EN)).contains("pindesk.cardservice.timeout.seconds", "1 to 120");

    cardService();
    file.put("cardservice.terminal", "zd 01");
    assertThat(refusal().describe(EN)).contains("pindesk.cardservice.terminal");
  }

  @Test
  void productionUsesTheCardServiceAloneOrAfterThePsam() {
    file.put("mode", "production");
    file.put("workstation", "SC-0101-01");
    cardService();

    SamChoice alone = config().securityModule();
    assertThat(alone.psam()).isFalse();
    assertThat(alone.cardService().orElseThrow().terminalCode()).isEqualTo("SC-0101-01");

    file.remove("sam");
    file.put("sam.reader", "ACS ACR39U");
    file.put("cardservice.terminal", "ZD-440300-07");
    SamChoice both = config().securityModule();
    assertThat(both.psamReader()).contains("ACS ACR39U");
    assertThat(both.cardService().orElseThrow().terminalCode()).isEqualTo("ZD-440300-07");
  }

  @Test
  void productionStillRefusesTheTrainingKeysAndSaysWhatItAccepts() {
    file.put("mode", "production");
    file.put("workstation", "SC-0101-01");
    file.put("sam", "training");

    assertThat(refusal().describe(EN)).contains("psam", "card-service");
  }

  @Test
  void configShowListsTheServiceSettingsWithTheirDefaults() {
    CounterSettings settings =
        new CounterSettings(
            CounterOptions.none(), SettingLookup.of(file, SettingSource.file(FILE)), USER_HOME);

    Map<String, String> shown = new HashMap<>();
    settings.all(CounterConfig.Mode.TRAINING).forEach(v -> shown.put(v.name(), v.value()));

    assertThat(shown)
        .containsKeys("cardservice.url", "cardservice.pin", "cardservice.credentials")
        .containsEntry("cardservice.profile", "public-fields")
        .containsEntry("cardservice.timeout.seconds", "15");
  }

  @Test
  void samSetupConnectsToTheServiceTheSettingsName() throws Exception {
    ServiceIdentity identity = ServiceIdentity.loadOrCreate(dir.resolve(ServiceIdentity.CERT_FILE));
    ClientCredentials client = ClientCredentials.generate("counter-01");
    Path credentials = dir.resolve("client.properties");
    client.save(credentials);
    TrainingSecurityModule training = new TrainingSecurityModule();
    try (CardServiceServer server =
        CardServiceServer.start(
            training,
            identity,
            client,
            WireProfile.builtIn(),
            InetAddress.getLoopbackAddress(),
            0)) {
      file.put("sam", "card-service");
      file.put("cardservice.url", server.uri().toString());
      file.put("cardservice.pin", identity.certificateFile().toString());
      file.put("cardservice.credentials", credentials.toString());

      SamSetup sam = SamSetup.of(null, config());

      ExternalAuthRequest request =
          new ExternalAuthRequest(
              new CardKeyAddress(
                  KeyPurpose.EXTERNAL_AUTHENTICATION,
                  1,
                  CipherAlgorithm.SM4,
                  "440300D15600000501C2A3B4D5E6F708",
                  "A12345678",
                  Hex.parse("3B8A8001" + Hex.of(TrainingKeys.ATR_MARKER) + "0102")),
              Hex.parse("1122334455667788"));
      assertThat(sam.module().externalAuthentication(request))
          .isEqualTo(training.externalAuthentication(request));
      assertThat(sam.module().description()).contains("Card-management service");
      assertThat(sam.psam()).isEmpty();
      java.util.List<dev.pindesk.service.SecurityModuleStatus> seen =
          new java.util.concurrent.CopyOnWriteArrayList<>();
      sam.feed().subscribe(seen::add);
      for (int i = 0; i < 100 && seen.isEmpty(); i++) {
        Thread.sleep(100);
      }
      assertThat(seen.get(0).messageKey()).isEqualTo("status.sm.training");
      server.close();
      assertThat(CardServiceStatusMonitor.status(sam.cardService().orElseThrow()).messageKey())
          .isEqualTo("status.sm.cardservice.unreachable");
    }
  }

  @Test
  void inProductionTheServiceFollowsThePsamAndTakesWhatThePsamLacks() throws Exception {
    ServiceIdentity identity = ServiceIdentity.loadOrCreate(dir.resolve(ServiceIdentity.CERT_FILE));
    Path credentials = dir.resolve("client.properties");
    ClientCredentials.generate("counter-01").save(credentials);
    file.put("mode", "production");
    file.put("workstation", "SC-0101-01");
    file.put("sam.reader", "PSAM Reader");
    file.put("cardservice.url", "https://127.0.0.1:9");
    file.put("cardservice.pin", identity.pin().text());
    file.put("cardservice.credentials", credentials.toString());

    SamSetup sam =
        SamSetup.psam(
            new dev.pindesk.adapters.virtualcard.InProcessCardTerminals("PSAM Reader"), config());

    assertThat(sam.psam()).isPresent();
    assertThat(sam.module().description())
        .contains("then Card-management service 127.0.0.1:9 (public-fields)");
    assertThat(sam.module().isTraining()).isFalse();
  }

  @Test
  void theProductionCounterCanRunOnTheServiceAloneWithoutAPsamReader() throws Exception {
    Path credentials = dir.resolve("client.properties");
    ClientCredentials.generate("counter-01").save(credentials);
    file.put("mode", "production");
    file.put("workstation", "SC-0101-01");
    cardService();
    file.put("cardservice.credentials", credentials.toString());

    SamSetup sam = SamSetup.psam(null, config());

    assertThat(sam.psam()).isEmpty();
    assertThat(sam.cardService()).isPresent();
    assertThat(sam.module().isTraining()).isFalse();
    assertThat(sam.securityModuleReaders().test("ACS ACR39U")).isFalse();
  }

  @Test
  void anUnreadableCredentialsFileIsRefusedNamingTheSetting() throws Exception {
    ServiceIdentity identity = ServiceIdentity.loadOrCreate(dir.resolve(ServiceIdentity.CERT_FILE));
    cardService();
    file.put("cardservice.pin", identity.certificateFile().toString());
    file.put("cardservice.credentials", Files.writeString(dir.resolve("c"), "x=1").toString());

    ConfigRefusedException refused =
        catchThrowableOfType(() -> SamSetup.of(null, config()), ConfigRefusedException.class);

    assertThat(refused.describe(EN)).contains("pindesk.cardservice.credentials", "client.secret=");
  }
}
