package dev.pindesk.adapters.cardservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.CaseContext;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The card-management client against the reference service over real HTTPS on loopback, with the
 * training keys behind it: the answers are exactly the training module's, and every failure comes
 * back as the security-module code the port documents.
 */
class CardServiceClientTest {
  private static final String CARD_ID = "440300D15600000501C2A3B4D5E6F708";
  private static final String CARD_NUMBER = "A12345678";
  private static final byte[] TRAINING_ATR =
      Hex.parse("3B8A8001" + Hex.of(TrainingKeys.ATR_MARKER) + "0102");
  private static final byte[] REAL_ATR = Hex.parse("3B6800000073C84000009000");
  private static final byte[] CHALLENGE = Hex.parse("1122334455667788");
  private static final byte[] HEADER = Hex.parse("8424000114");
  private static final String NEW_PIN = "739164";

  @TempDir static Path dir;

  private static final TrainingSecurityModule TRAINING = new TrainingSecurityModule();
  private static ServiceIdentity identity;
  private static ClientCredentials credentials;
  private static CardServiceServer server;

  @BeforeAll
  static void startService() throws IOException {
    identity = ServiceIdentity.loadOrCreate(dir.resolve(ServiceIdentity.CERT_FILE));
    credentials = ClientCredentials.generate("counter-01");
    server =
        CardServiceServer.start(
            new KeyMissingFor(0x7E, TRAINING),
            identity,
            credentials,
            WireProfile.builtIn(),
            InetAddress.getLoopbackAddress(),
            0);
  }

  @AfterAll
  static void stopService() {
    server.close();
  }

  @Test
  void externalAuthenticationIsTheTrainingModulesCryptogram() throws CardException {
    for (CipherAlgorithm algorithm : List.of(CipherAlgorithm.SM4, CipherAlgorithm.TDES)) {
      ExternalAuthRequest request =
          new ExternalAuthRequest(key(KeyPurpose.EXTERNAL_AUTHENTICATION, algorithm), CHALLENGE);

      byte[] cryptogram = client().externalAuthentication(request);

      assertThat(cryptogram).isEqualTo(TRAINING.externalAuthentication(request));
    }
  }

  @Test
  void secureMessagingOfAnSm4PinResetIsTheTrainingModulesBlockAndMac() throws CardException {
    try (Pin pin = Pin.of(NEW_PIN.toCharArray());
        Pin again = Pin.of(NEW_PIN.toCharArray())) {
      CardKeyAddress key = key(KeyPurpose.RESET_PIN, CipherAlgorithm.SM4);

      SecureMessage viaService =
          client()
              .secureMessaging(
                  new SecureMessagingRequest(key, CHALLENGE, HEADER, Optional.of(pin)));
      SecureMessage local =
          TRAINING.secureMessaging(
              new SecureMessagingRequest(key, CHALLENGE, HEADER, Optional.of(again)));

      assertThat(viaService.encipheredPinBlock()).isEqualTo(local.encipheredPinBlock());
      assertThat(viaService.mac()).isEqualTo(local.mac());
      assertThat(pin.isWiped()).isFalse(); // borrowed: the caller wipes it
    }
  }

  @Test
  void secureMessagingOfATdesResetAndAMacOnlyUnblockMatchTheTrainingModule() throws CardException {
    try (Pin pin = Pin.of(NEW_PIN.toCharArray())) {
      SecureMessagingRequest reset =
          new SecureMessagingRequest(
              key(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES), CHALLENGE, HEADER, Optional.of(pin));
      SecureMessagingRequest unblock =
          new SecureMessagingRequest(
              key(KeyPurpose.UNBLOCK_PIN, CipherAlgorithm.SM4),
              CHALLENGE,
              Hex.parse("8424000004"),
              Optional.empty());

      assertThat(client().secureMessaging(reset).commandData())
          .isEqualTo(TRAINING.secureMessaging(reset).commandData());
      SecureMessage mac = client().secureMessaging(unblock);
      assertThat(mac.encipheredPinBlock()).isEmpty();
      assertThat(mac.mac()).isEqualTo(TRAINING.secureMessaging(unblock).mac());
    }
  }

  @Test
  void refusesARealCardAsTheTrainingModuleDoes() {
    CardKeyAddress real =
        new CardKeyAddress(
            KeyPurpose.EXTERNAL_AUTHENTICATION,
            1,
            CipherAlgorithm.SM4,
            CARD_ID,
            CARD_NUMBER,
            REAL_ATR);

    assertCode(
        () -> client().externalAuthentication(new ExternalAuthRequest(real, CHALLENGE)),
        CardErrorCode.SECURITY_MODULE_REFUSED);
  }

  @Test
  void aKeyTheServiceLacksIsKeyMissing() {
    CardKeyAddress key =
        new CardKeyAddress(
            KeyPurpose.EXTERNAL_AUTHENTICATION,
            0x7E,
            CipherAlgorithm.SM4,
            CARD_ID,
            CARD_NUMBER,
            TRAINING_ATR);

    assertCode(
        () -> client().externalAuthentication(new ExternalAuthRequest(key, CHALLENGE)),
        CardErrorCode.SECURITY_MODULE_KEY_MISSING);
  }

  @Test
  void anAlgorithmTheServiceCannotComputeIsUnsupported() {
    assertCode(
        () ->
            client()
                .externalAuthentication(
                    new ExternalAuthRequest(
                        key(KeyPurpose.EXTERNAL_AUTHENTICATION, CipherAlgorithm.SSF33), CHALLENGE)),
        CardErrorCode.SECURITY_MODULE_UNSUPPORTED);
  }

  @Test
  void internalAuthenticationGoesOutAsServiceFlag246AndTheReferenceServiceLacksItsKey() {
    assertCode(
        () ->
            client()
                .internalAuthentication(
                    key(KeyPurpose.EXTERNAL_AUTHENTICATION, CipherAlgorithm.SM4), CHALLENGE),
        CardErrorCode.SECURITY_MODULE_UNSUPPORTED);
  }

  @Test
  void wrongCredentialsAreRefused() {
    CardServiceClient stranger =
        new CardServiceClient(
            config(server.uri(), identity.pin(), ClientCredentials.generate("counter-01")));

    CardException e =
        assertCode(
            () -> stranger.externalAuthentication(authRequest()),
            CardErrorCode.SECURITY_MODULE_REFUSED);
    assertThat(e.getMessage()).contains("credentials").doesNotContain(credentials.secret());
  }

  @Test
  void aServiceWithAnotherKeyIsUnavailableAndSaysItIsNotThePinnedKey() throws IOException {
    Path other = Files.createDirectory(dir.resolve("other"));
    ServicePin wrong = ServiceIdentity.loadOrCreate(other.resolve("x.crt")).pin();

    CardException e =
        assertCode(
            () ->
                new CardServiceClient(config(server.uri(), wrong, credentials))
                    .externalAuthentication(authRequest()),
            CardErrorCode.SECURITY_MODULE_UNAVAILABLE);
    assertThat(e.getMessage()).contains("pinned key");
  }

  @Test
  void aServiceThatIsDownIsUnavailable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI down = URI.create("https://localhost:" + port);

    CardException e =
        assertCode(
            () ->
                new CardServiceClient(config(down, identity.pin(), credentials))
                    .externalAuthentication(authRequest()),
            CardErrorCode.SECURITY_MODULE_UNAVAILABLE);
    assertThat(e.getMessage()).contains("unreachable");
  }

  @Test
  void aServiceThatDoesNotAnswerInTimeIsUnavailable() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // accepted, never answered
                  }
                } catch (IOException closed) {
                  // test over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      CardServiceClient.Config quick =
          new CardServiceClient.Config(
              URI.create("https://localhost:" + silent.getLocalPort()),
              identity.pin(),
              credentials,
              WireProfile.builtIn(),
              Optional.empty(),
              Duration.ofMillis(700),
              Duration.ofMillis(700),
              true);

      long started = System.nanoTime();
      CardException e =
          assertCode(
              () -> new CardServiceClient(quick).externalAuthentication(authRequest()),
              CardErrorCode.SECURITY_MODULE_UNAVAILABLE);
      assertThat(e.getMessage()).contains("timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aProbeTellsReachableUnreachableAndNotThePinnedKeyWithoutSendingARequest()
      throws IOException {
    Path other = Files.createDirectory(dir.resolve("probe-other"));
    ServicePin wrong = ServiceIdentity.loadOrCreate(other.resolve("x.crt")).pin();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    assertThat(client().probe()).isEqualTo(CardServiceClient.Probe.REACHABLE);
    assertThat(new CardServiceClient(config(server.uri(), wrong, credentials)).probe())
        .isEqualTo(CardServiceClient.Probe.NOT_PINNED_KEY);
    assertThat(
            new CardServiceClient(
                    config(
                        URI.create("https://localhost:" + closedPort), identity.pin(), credentials))
                .probe())
        .isEqualTo(CardServiceClient.Probe.UNREACHABLE);
  }

  @Test
  void aCustomWireProfileIsSpokenByBothEnds() throws Exception {
    WireProfile custom =
        WireProfile.parse(CUSTOM_PROFILE.getBytes(StandardCharsets.UTF_8), "test custom profile");
    try (CardServiceServer other =
        CardServiceServer.start(
            TRAINING, identity, credentials, custom, InetAddress.getLoopbackAddress(), 0)) {
      CardServiceClient.Config config =
          new CardServiceClient.Config(
              other.uri(),
              identity.pin(),
              credentials,
              custom,
              Optional.of("ZD-0001"),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5),
              true);
      ExternalAuthRequest request = authRequest();

      assertThat(new CardServiceClient(config).externalAuthentication(request))
          .isEqualTo(TRAINING.externalAuthentication(request));
      try (Pin pin = Pin.of(NEW_PIN.toCharArray());
          Pin again = Pin.of(NEW_PIN.toCharArray())) {
        CardKeyAddress key = key(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES);
        assertThat(
                new CardServiceClient(config)
                    .secureMessaging(
                        new SecureMessagingRequest(key, CHALLENGE, HEADER, Optional.of(pin)))
                    .commandData())
            .isEqualTo(
                TRAINING
                    .secureMessaging(
                        new SecureMessagingRequest(key, CHALLENGE, HEADER, Optional.of(again)))
                    .commandData());
      }
      // The default profile's path and names are not this service's: it is not there.
      assertCode(
          () ->
              new CardServiceClient(config(other.uri(), identity.pin(), credentials))
                  .externalAuthentication(request),
          CardErrorCode.SECURITY_MODULE_UNAVAILABLE);
    }
  }

  @Test
  void sendsThePublicFieldNamesAndLeavesOutWhatIsAbsent() throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    AtomicReference<String> secretHeader = new AtomicReference<>();
    HttpsServer capture = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    capture.setHttpsConfigurator(new HttpsConfigurator(identity.serverContext()));
    capture.createContext(
        "/cardManage",
        x -> {
          try (x) {
            bodies.add(new ObjectMapper().readTree(x.getRequestBody().readAllBytes()));
            secretHeader.set(x.getRequestHeaders().getFirst("X-PinDesk-Secret"));
            byte[] answer =
                "{\"fieldData\":{\"code\":\"1\",\"inst\":\"00112233445566778899AABBCCDDEEFF0A0B0C0D\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, answer.length);
            try (OutputStream out = x.getResponseBody()) {
              out.write(answer);
            }
          }
        });
    capture.start();
    try {
      URI uri = URI.create("https://localhost:" + capture.getAddress().getPort());
      CardServiceClient.Config config =
          new CardServiceClient.Config(
              uri,
              identity.pin(),
              credentials,
              WireProfile.builtIn(),
              Optional.of("ZD-0001"),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5),
              false);
      CardKeyAddress auth =
          key(KeyPurpose.EXTERNAL_AUTHENTICATION, CipherAlgorithm.SM4)
              .withContext(CaseContext.holder("440300", null, "张三"));
      new CardServiceClient(config)
          .externalAuthentication(new ExternalAuthRequest(auth, CHALLENGE));
      try (Pin pin = Pin.of(NEW_PIN.toCharArray())) {
        new CardServiceClient(config)
            .secureMessaging(
                new SecureMessagingRequest(
                    key(KeyPurpose.RESET_PIN, CipherAlgorithm.SM4),
                    CHALLENGE,
                    HEADER,
                    Optional.of(pin)));
        new CardServiceClient(config)
            .secureMessaging(
                new SecureMessagingRequest(
                    key(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES),
                    CHALLENGE,
                    HEADER,
                    Optional.of(pin)));
      }
    } finally {
      capture.stop(0);
    }

    JsonNode e = bodies.get(0);
    assertThat(e.get("BussinessType").asText()).isEqualTo("02");
    assertThat(e.get("serviceFlag").asText()).isEqualTo("244");
    assertThat(e.get("aab301").asText()).isEqualTo("440300");
    assertThat(e.has("aac002")).isFalse();
    assertThat(e.get("aac003").asText()).isEqualTo("张三");
    assertThat(e.get("aaz500").asText()).isEqualTo(CARD_NUMBER);
    assertThat(e.get("aaz501").asText()).isEqualTo(CARD_ID);
    assertThat(e.get("aaz507").asText()).isEqualTo(Hex.of(TRAINING_ATR));
    assertThat(e.get("zdbm").asText()).isEqualTo("ZD-0001");
    assertThat(e.get("sfbs").asText()).isEqualTo("03");
    assertThat(e.get("mydz").asText()).isEqualTo("01");
    assertThat(e.get("sjs1").asText()).isEqualTo(CARD_ID);
    assertThat(e.get("sjs2").asText()).isEqualTo(Hex.of(CHALLENGE));
    assertThat(e.has("apdu")).isFalse();
    JsonNode sm4 = bodies.get(1);
    assertThat(sm4.get("serviceFlag").asText()).isEqualTo("245");
    assertThat(sm4.get("sjs1").asText()).isEqualTo(Hex.of(CHALLENGE));
    assertThat(sm4.get("sjs2").asText()).isEqualTo(NEW_PIN); // SM4: only the PIN
    assertThat(sm4.get("apdu").asText()).isEqualTo(Hex.of(HEADER));
    JsonNode tdes = bodies.get(2);
    assertThat(tdes.get("sfbs").asText()).isEqualTo("01");
    assertThat(tdes.get("sjs2").asText()).isEqualTo(Hex.of(HEADER) + "|" + NEW_PIN);
    assertThat(secretHeader.get()).isEqualTo(credentials.secret());
  }

  @Test
  void thePinNeverReachesTheLogs() throws CardException {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
    try {
      for (CipherAlgorithm algorithm : List.of(CipherAlgorithm.SM4, CipherAlgorithm.TDES)) {
        try (Pin pin = Pin.of(NEW_PIN.toCharArray())) {
          client()
              .secureMessaging(
                  new SecureMessagingRequest(
                      key(KeyPurpose.RESET_PIN, algorithm), CHALLENGE, HEADER, Optional.of(pin)));
        }
      }
      try (Pin pin = Pin.of(NEW_PIN.toCharArray())) {
        CardKeyAddress real =
            new CardKeyAddress(
                KeyPurpose.RESET_PIN, 1, CipherAlgorithm.SM4, CARD_ID, CARD_NUMBER, REAL_ATR);
        assertCode(
            () ->
                client()
                    .secureMessaging(
                        new SecureMessagingRequest(real, CHALLENGE, HEADER, Optional.of(pin))),
            CardErrorCode.SECURITY_MODULE_REFUSED);
      }
    } finally {
      root.detachAppender(appender);
      root.setLevel(before);
    }
    assertThat(appender.list).isNotEmpty();
    for (ILoggingEvent event : appender.list) {
      String text =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(text).doesNotContain(NEW_PIN).doesNotContain(credentials.secret());
    }
  }

  private static final String CUSTOM_PROFILE =
      """
      {
        "id": "province-x",
        "description": "a deployment's own names",
        "path": "/hsm/v2/call",
        "fields": {
          "businessType": "ywlx", "serviceFlag": "flag", "cardNumber": "kh",
          "cardIdCode": "sbm", "cardAtr": "atr", "algorithm": "alg", "keyAddress": "key",
          "random1": "r1", "random2": "r2", "command": "cmd"
        },
        "businessTypes": { "reset": "PIN_RESET", "unblock": "PIN_UNBLOCK" },
        "serviceFlags": { "externalAuthentication": "EA", "secureMessaging": "SM",
                          "internalAuthentication": "IA" },
        "algorithms": { "TDES": "3DES", "SSF33": "SSF33", "SM4": "SM4" },
        "answer": { "code": "result.status", "inst": "result.data", "message": "result.text",
                    "successCodes": ["OK"], "keyMissingCodes": ["NOKEY"],
                    "unsupportedCodes": ["NOALG"], "unavailableCodes": [] },
        "credentials": { "idHeader": "X-App-Id", "secretHeader": "X-App-Key" },
        "macLength": 4,
        "assumptions": []
      }
      """;

  private interface Call {
    Object run() throws CardException;
  }

  private static CardException assertCode(Call call, CardErrorCode code) {
    AtomicReference<CardException> thrown = new AtomicReference<>();
    assertThatExceptionOfType(CardException.class)
        .isThrownBy(call::run)
        .satisfies(e -> assertThat(e.code()).isEqualTo(code))
        .satisfies(thrown::set);
    return thrown.get();
  }

  private static CardServiceClient client() {
    return new CardServiceClient(config(server.uri(), identity.pin(), credentials));
  }

  private static CardServiceClient.Config config(URI uri, ServicePin pin, ClientCredentials c) {
    return new CardServiceClient.Config(
        uri,
        pin,
        c,
        WireProfile.builtIn(),
        Optional.of("ZD-0001"),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        true);
  }

  private static ExternalAuthRequest authRequest() {
    return new ExternalAuthRequest(
        key(KeyPurpose.EXTERNAL_AUTHENTICATION, CipherAlgorithm.SM4), CHALLENGE);
  }

  private static CardKeyAddress key(KeyPurpose purpose, CipherAlgorithm algorithm) {
    return new CardKeyAddress(purpose, 1, algorithm, CARD_ID, CARD_NUMBER, TRAINING_ATR);
  }

  /** The training keys, except that one key index is "not loaded" (unit-test stand-in). */
  private record KeyMissingFor(int keyIndex, SecurityModule keys) implements SecurityModule {
    @Override
    public String description() {
      return keys.description();
    }

    @Override
    public boolean isTraining() {
      return true;
    }

    @Override
    public byte[] externalAuthentication(ExternalAuthRequest request) throws CardException {
      check(request.key());
      return keys.externalAuthentication(request);
    }

    @Override
    public SecureMessage secureMessaging(SecureMessagingRequest request) throws CardException {
      check(request.key());
      return keys.secureMessaging(request);
    }

    private void check(CardKeyAddress key) throws CardException {
      if (key.keyIndex() == keyIndex) {
        throw new CardException(CardErrorCode.SECURITY_MODULE_KEY_MISSING, "key not loaded");
      }
    }
  }
}
