package dev.pindesk.adapters.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pindesk.crypto.CardCipher;
import dev.pindesk.crypto.CardMac;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TrainingSecurityModuleTest {
  private static final String CARD_ID = "440300D15600000501C2A3B4D5E6F708";
  private static final byte[] TRAINING_ATR =
      Hex.parse("3B8A8001" + Hex.of(TrainingKeys.ATR_MARKER) + "0102");
  private static final byte[] REAL_ATR = Hex.parse("3B6800000073C84000009000");
  private static final byte[] CHALLENGE = Hex.parse("1122334455667788");
  private static final String RESET_COMMAND = "805E000003123456";

  private final TrainingSecurityModule module = new TrainingSecurityModule();

  @Test
  void saysItHoldsTrainingKeysOnly() {
    assertThat(module.isTraining()).isTrue();
    assertThat(module.description())
        .containsIgnoringCase("training")
        .contains("not for real cards");
  }

  @Test
  void refusesCardWithoutTrainingMarker() {
    MacRequest request = request(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, REAL_ATR, CHALLENGE);

    assertThatExceptionOfType(CardException.class)
        .isThrownBy(() -> module.mac(request))
        .satisfies(e -> assertThat(e.code()).isEqualTo(CardErrorCode.SECURITY_MODULE_REFUSED));
  }

  @Test
  void macsForTrainingCardWithTheTrainingCardKey() throws CardException {
    for (CipherAlgorithm algorithm :
        new CipherAlgorithm[] {CipherAlgorithm.TDES, CipherAlgorithm.SM4}) {
      MacRequest request = request(KeyPurpose.UNBLOCK_PIN, algorithm, TRAINING_ATR, CHALLENGE);
      byte[] cardKey = TrainingKeys.cardKey(KeyPurpose.UNBLOCK_PIN, 1, algorithm, CARD_ID);

      byte[] mac = module.mac(request);

      assertThat(mac)
          .isEqualTo(CardMac.compute(algorithm, cardKey, CHALLENGE, Hex.parse(RESET_COMMAND)));
    }
  }

  @Test
  void macsStayAsFirstReleased() throws CardException {
    // No published source (training keys are PinDesk's own); reproduced independently with the
    // OpenSSL 3.0 command line: SM3 -> master key, des-ede-ecb / sm4-ecb diversification, then
    // des-cbc + des-ecb (retail MAC) / sm4-cbc (CBC-MAC) over the 80-padded input.
    MacRequest tdes =
        new MacRequest(
            KeyPurpose.RESET_PIN,
            1,
            CipherAlgorithm.TDES,
            CARD_ID,
            TRAINING_ATR,
            CHALLENGE,
            Hex.parse(RESET_COMMAND));
    MacRequest sm4 =
        new MacRequest(
            KeyPurpose.UNBLOCK_PIN,
            2,
            CipherAlgorithm.SM4,
            CARD_ID,
            TRAINING_ATR,
            CHALLENGE,
            Hex.parse(RESET_COMMAND));

    // Changed once, when card keys came to be diversified from the binary identification code
    // (the card keys themselves are checked against OpenSSL in TrainingKeysTest).
    assertThat(Hex.of(module.mac(tdes))).isEqualTo("9C612320");
    assertThat(Hex.of(module.mac(sm4))).isEqualTo("1E8C9354");
  }

  @Test
  void refusesChallengeOfWrongLengthWithTechnicalDetail() {
    MacRequest request =
        request(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, TRAINING_ATR, new byte[5]);

    assertThatExceptionOfType(CardException.class)
        .isThrownBy(() -> module.mac(request))
        .satisfies(e -> assertThat(e.code()).isEqualTo(CardErrorCode.SECURITY_MODULE_REFUSED))
        .withMessageContaining("initial vector")
        .withMessageNotContaining("123456");
  }

  @Test
  void refusesMalformedCardIdCode() {
    MacRequest request =
        new MacRequest(
            KeyPurpose.RESET_PIN,
            1,
            CipherAlgorithm.SM4,
            "12345",
            TRAINING_ATR,
            CHALLENGE,
            Hex.parse(RESET_COMMAND));

    assertThatExceptionOfType(CardException.class)
        .isThrownBy(() -> module.mac(request))
        .satisfies(e -> assertThat(e.code()).isEqualTo(CardErrorCode.SECURITY_MODULE_REFUSED))
        .withMessageContaining("card identification code");
  }

  @Test
  void refusesIncompleteRequest() {
    MacRequest request =
        new MacRequest(
            KeyPurpose.RESET_PIN,
            1,
            CipherAlgorithm.SM4,
            CARD_ID,
            TRAINING_ATR,
            null,
            Hex.parse(RESET_COMMAND));

    assertThatExceptionOfType(CardException.class)
        .isThrownBy(() -> module.mac(request))
        .satisfies(e -> assertThat(e.code()).isEqualTo(CardErrorCode.SECURITY_MODULE_REFUSED));
  }

  @Test
  void logsPurposeKeyIndexAndAlgorithmButNeverDataOrKeys() throws CardException {
    Logger logger = (Logger) LoggerFactory.getLogger(TrainingSecurityModule.class);
    Level previous = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    try (Pin pin = Pin.of("123456".toCharArray())) {
      module.secureMessaging(
          new SecureMessagingRequest(
              key(KeyPurpose.RESET_PIN, CipherAlgorithm.SM4, TRAINING_ATR),
              CHALLENGE,
              Hex.parse("8424000114"),
              Optional.of(pin)));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(previous);
    }

    String cardKey =
        Hex.of(TrainingKeys.cardKey(KeyPurpose.RESET_PIN, 1, CipherAlgorithm.SM4, CARD_ID));
    assertThat(appender.list).hasSize(1);
    assertThat(appender.list.get(0).getLevel()).isEqualTo(Level.DEBUG);
    assertThat(appender.list.get(0).getFormattedMessage())
        .contains("RESET_PIN", "key 1", "SM4")
        .doesNotContain("123456", CARD_ID, cardKey, Hex.of(CHALLENGE));
  }

  @Test
  void macRequestToStringNeverShowsData() {
    MacRequest request =
        request(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, TRAINING_ATR, CHALLENGE);

    assertThat(request.toString())
        .contains("RESET_PIN", "TDES")
        .doesNotContain("123456", RESET_COMMAND, CARD_ID, "[B@");
  }

  @Test
  void refusesSsf33AsAnAlgorithmSoftwareCannotCompute() {
    ExternalAuthRequest request =
        new ExternalAuthRequest(
            key(KeyPurpose.EXTERNAL_AUTHENTICATION, CipherAlgorithm.SSF33, TRAINING_ATR),
            CHALLENGE);

    assertThatThrownBy(() -> module.externalAuthentication(request))
        .isInstanceOfSatisfying(
            CardException.class,
            e -> assertThat(e.code()).isEqualTo(CardErrorCode.ALGORITHM_UNSUPPORTED));
  }

  @Test
  void answersExternalAuthenticationWithTheCryptogramOfTheTrainingKey() throws CardException {
    for (CipherAlgorithm algorithm :
        new CipherAlgorithm[] {CipherAlgorithm.TDES, CipherAlgorithm.SM4}) {
      byte[] cryptogram =
          module.externalAuthentication(
              new ExternalAuthRequest(
                  key(KeyPurpose.EXTERNAL_AUTHENTICATION, algorithm, TRAINING_ATR), CHALLENGE));
      byte[] cardKey =
          TrainingKeys.cardKey(KeyPurpose.EXTERNAL_AUTHENTICATION, 1, algorithm, CARD_ID);
      assertThat(cryptogram)
          .hasSize(16)
          .isEqualTo(CardCipher.cryptogram(algorithm, cardKey, CHALLENGE));
    }
  }

  @Test
  void refusesExternalAuthenticationForARealCard() {
    ExternalAuthRequest request =
        new ExternalAuthRequest(
            key(KeyPurpose.EXTERNAL_AUTHENTICATION, CipherAlgorithm.SM4, REAL_ATR), CHALLENGE);
    assertThatExceptionOfType(CardException.class)
        .isThrownBy(() -> module.externalAuthentication(request))
        .satisfies(e -> assertThat(e.code()).isEqualTo(CardErrorCode.SECURITY_MODULE_REFUSED));
  }

  @Test
  void securePinBlockDeciphersToThePinAndItsMacCoversHeaderAndBlock() throws CardException {
    for (CipherAlgorithm algorithm :
        new CipherAlgorithm[] {CipherAlgorithm.TDES, CipherAlgorithm.SM4}) {
      byte[] header = Hex.parse("8424000114");
      SecureMessage message;
      try (Pin pin = Pin.of("385217".toCharArray())) {
        message =
            module.secureMessaging(
                new SecureMessagingRequest(
                    key(KeyPurpose.RESET_PIN, algorithm, TRAINING_ATR),
                    CHALLENGE,
                    header,
                    Optional.of(pin)));
      }
      byte[] cardKey = TrainingKeys.cardKey(KeyPurpose.RESET_PIN, 1, algorithm, CARD_ID);
      assertThat(
              Hex.of(
                  CardCipher.decipherPinBlock(algorithm, cardKey, message.encipheredPinBlock())
                      .orElseThrow()))
          .isEqualTo("385217");
      byte[] macInput = new byte[21];
      System.arraycopy(header, 0, macInput, 0, 5);
      System.arraycopy(message.encipheredPinBlock(), 0, macInput, 5, 16);
      assertThat(message.mac()).isEqualTo(CardMac.compute(algorithm, cardKey, CHALLENGE, macInput));
      assertThat(message.toString()).doesNotContain("385217").contains("16 + 4 bytes");
    }
  }

  @Test
  void macOnlySecureMessagingHasNoPinBlock() throws CardException {
    byte[] header = Hex.parse("8424000004");
    SecureMessage message =
        module.secureMessaging(
            new SecureMessagingRequest(
                key(KeyPurpose.UNBLOCK_PIN, CipherAlgorithm.TDES, TRAINING_ATR),
                CHALLENGE,
                header,
                Optional.empty()));
    byte[] cardKey = TrainingKeys.cardKey(KeyPurpose.UNBLOCK_PIN, 1, CipherAlgorithm.TDES, CARD_ID);
    assertThat(message.encipheredPinBlock()).isEmpty();
    assertThat(message.mac())
        .isEqualTo(CardMac.compute(CipherAlgorithm.TDES, cardKey, CHALLENGE, header));
  }

  @Test
  void requestsNeverShowThePinOrTheCardInToString() {
    try (Pin pin = Pin.of("385217".toCharArray())) {
      SecureMessagingRequest request =
          new SecureMessagingRequest(
              key(KeyPurpose.RESET_PIN, CipherAlgorithm.SM4, TRAINING_ATR),
              CHALLENGE,
              Hex.parse("8424000114"),
              Optional.of(pin));
      assertThat(request.toString())
          .contains("RESET_PIN", "with a PIN block")
          .doesNotContain("385217", CARD_ID, Hex.of(CHALLENGE), "[B@");
    }
  }

  private static CardKeyAddress key(KeyPurpose purpose, CipherAlgorithm algorithm, byte[] atr) {
    return new CardKeyAddress(purpose, 1, algorithm, CARD_ID, "K31000001", atr);
  }

  private static MacRequest request(
      KeyPurpose purpose, CipherAlgorithm algorithm, byte[] atr, byte[] challenge) {
    return new MacRequest(purpose, 1, algorithm, CARD_ID, atr, challenge, Hex.parse(RESET_COMMAND));
  }
}
