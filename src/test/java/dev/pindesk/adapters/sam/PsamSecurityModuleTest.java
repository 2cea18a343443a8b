package dev.pindesk.adapters.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.adapters.virtualcard.VirtualPsamKey;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PsamSecurityModuleTest {
  private static final String CITIZEN_READER = "ACS ACR39U 00 00";
  private static final String PSAM_READER = "ACS ACR39U SAM 00 01";
  private static final String CARD_ID = "440300D15600000501C2A3B4D5E6F708";
  private static final byte[] TRAINING_ATR =
      Hex.parse("3B8A8001" + Hex.of(TrainingKeys.ATR_MARKER) + "0102");
  private static final byte[] CHALLENGE = Hex.parse("1122334455667788");

  private final InProcessCardTerminals readers =
      new InProcessCardTerminals(CITIZEN_READER, PSAM_READER);
  private final RecordingTerminals recorded = new RecordingTerminals(readers);
  private final PsamProfile generic = PsamProfiles.builtIn(PsamProfiles.DEFAULT_ID).orElseThrow();

  private PsamSecurityModule module(PsamProfile profile) {
    return new PsamSecurityModule(recorded, "SAM", profile);
  }

  private static MacRequest request(KeyPurpose purpose, CipherAlgorithm algorithm, int length) {
    byte[] input = new byte[length];
    for (int i = 0; i < length; i++) {
      input[i] = (byte) (0x80 + i);
    }
    return new MacRequest(purpose, 1, algorithm, CARD_ID, TRAINING_ATR, CHALLENGE, input);
  }

  @Test
  void computesTheMacTheTrainingModuleComputesForEveryPurposeAndAlgorithm() throws Exception {
    readers.insert(PSAM_READER, VirtualPsam.training());
    PsamSecurityModule psam = module(generic);
    TrainingSecurityModule training = new TrainingSecurityModule();
    for (KeyPurpose purpose : KeyPurpose.values()) {
      for (CipherAlgorithm algorithm :
          new CipherAlgorithm[] {CipherAlgorithm.TDES, CipherAlgorithm.SM4}) {
        MacRequest r = request(purpose, algorithm, 8);
        assertThat(psam.mac(r)).as(purpose + " " + algorithm).isEqualTo(training.mac(r));
      }
    }
  }

  @Test
  void sendsSelectThenInitForDescryptThenOneMacCommandAndFetchesTheAnswerOnT0() throws Exception {
    readers.insert(PSAM_READER, VirtualPsam.training());
    module(generic).mac(request(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, 8));
    assertThat(recorded.headers)
        .containsExactly(
            "00A40000",
            "00C00000", // SELECT 1001, FCI through GET RESPONSE
            "801A2801", // INIT FOR DESCRYPT: reset key usage 28, version = key index 1
            "80FA0500",
            "00C00000"); // the single MAC command with IV, MAC through GET RESPONSE (class 00)
  }

  @Test
  void chunksALongInputAndStillAgreesWithTheTrainingModule() throws Exception {
    readers.insert(PSAM_READER, VirtualPsam.training());
    PsamProfile small =
        PsamProfiles.parse(
            PsamProfilesTest.genericJson()
                .replace("\"maxData\": 128", "\"maxData\": 20")
                .getBytes(StandardCharsets.UTF_8),
            "small");
    MacRequest r = request(KeyPurpose.UNBLOCK_PIN, CipherAlgorithm.SM4, 40);
    assertThat(module(small).mac(r)).isEqualTo(new TrainingSecurityModule().mac(r));
    // IV (16) + 48 padded bytes in 16-byte chunks: first, next, next, last.
    assertThat(recorded.headers)
        .containsSubsequence("801A4901", "80FA0700", "80FA0300", "80FA0300", "80FA0100");
  }

  @Test
  void anInitialVectorXoredIntoTheFirstBlockGivesTheSameMac() throws Exception {
    readers.insert(PSAM_READER, VirtualPsam.training());
    PsamProfile xored =
        PsamProfiles.parse(
            PsamProfilesTest.genericJson()
                .replace("\"ivInFirstBlock\": true", "\"ivInFirstBlock\": false")
                .replace("\"p1Single\": \"05\"", "\"p1Single\": \"01\"")
                .getBytes(StandardCharsets.UTF_8),
            "xored");
    MacRequest r = request(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, 13);
    assertThat(module(xored).mac(r)).isEqualTo(new TrainingSecurityModule().mac(r));
  }

  @Test
  void findsItsReaderByAPartOfTheNameAndNeverTheCitizensReader() {
    ReaderMatch match = module(generic).readerMatch();
    assertThat(match.matches(PSAM_READER)).isTrue();
    assertThat(match.matches(CITIZEN_READER)).isFalse();
  }

  @Test
  void isUnavailableWithoutItsReaderWithoutAPsamOrWithoutPcsc() {
    PsamSecurityModule psam = module(generic);
    MacRequest r = request(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, 8);
    expect(CardErrorCode.SECURITY_MODULE_UNAVAILABLE, () -> psam.mac(r), "no PSAM in reader");
    PsamSecurityModule elsewhere = new PsamSecurityModule(readers, "Gemalto", generic);
    expect(CardErrorCode.SECURITY_MODULE_UNAVAILABLE, () -> elsewhere.mac(r), "no PSAM reader");
    PsamSecurityModule ambiguous = new PsamSecurityModule(readers, "ACS", generic);
    expect(CardErrorCode.SECURITY_MODULE_UNAVAILABLE, () -> ambiguous.mac(r), "ambiguous");
    readers.insert(PSAM_READER, VirtualPsam.training());
    readers.setServiceAvailable(false);
    expect(CardErrorCode.SECURITY_MODULE_UNAVAILABLE, () -> psam.mac(r), "not reachable");
  }

  @Test
  void aLockedPsamAWrongCardAndAMissingKeyAreDistinctErrors() {
    MacRequest r = request(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, 8);
    readers.insert(PSAM_READER, VirtualPsam.builder().locked(true).build());
    expect(CardErrorCode.SECURITY_MODULE_LOCKED, () -> module(generic).mac(r), "6A81");
    readers.remove(PSAM_READER);
    readers.insert(PSAM_READER, VirtualPsam.builder().wrongApplication(true).build());
    expect(CardErrorCode.SECURITY_MODULE_WRONG, () -> module(generic).mac(r), "6A82");
    readers.remove(PSAM_READER);
    List<VirtualPsamKey> sm4Only =
        VirtualPsamKey.genericTraining().stream()
            .filter(k -> k.algorithm() == CipherAlgorithm.SM4)
            .toList();
    readers.insert(PSAM_READER, VirtualPsam.builder().keys(sm4Only).build());
    expect(CardErrorCode.SECURITY_MODULE_KEY_MISSING, () -> module(generic).mac(r), "6A88");
  }

  @Test
  void aPsamLockedBetweenTwoMacsIsReportedLocked() throws Exception {
    VirtualPsam card = VirtualPsam.training();
    readers.insert(PSAM_READER, card);
    PsamSecurityModule psam = module(generic);
    MacRequest r = request(KeyPurpose.RESET_PIN, CipherAlgorithm.SM4, 8);
    psam.mac(r);
    card.lock();
    expect(CardErrorCode.SECURITY_MODULE_LOCKED, () -> psam.mac(r), "PSAM");
  }

  @Test
  void aPsamLeavingDuringTheMacIsUnavailableAndAReinsertedOneIsUsedAgain() throws Exception {
    MacRequest r = request(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, 8);
    readers.insert(PSAM_READER, VirtualPsam.builder().removeAfterApdus(3).build());
    PsamSecurityModule psam = module(generic);
    expect(CardErrorCode.SECURITY_MODULE_UNAVAILABLE, () -> psam.mac(r), "not reachable");
    readers.insert(PSAM_READER, VirtualPsam.training());
    assertThat(psam.mac(r)).isEqualTo(new TrainingSecurityModule().mac(r));
  }

  @Test
  void aReusedConnectionToAReplacedPsamIsRenewedOnce() throws Exception {
    MacRequest r = request(KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, 8);
    readers.insert(PSAM_READER, VirtualPsam.training());
    PsamSecurityModule psam = module(generic);
    psam.mac(r);
    readers.remove(PSAM_READER);
    readers.insert(PSAM_READER, VirtualPsam.training());
    assertThat(psam.mac(r)).hasSize(4);
  }

  @Test
  void probeReportsProfileReaderAndTheApplicationsAnswerWithoutSecrets() throws Exception {
    readers.insert(PSAM_READER, VirtualPsam.training());
    PsamInfo info = module(generic).probe();
    assertThat(info.profileId()).isEqualTo("pboc-psam-generic");
    assertThat(info.reader()).isEqualTo(PSAM_READER);
    assertThat(info.selectAnswer()).startsWith("6F");
    assertThat(info.assumptions()).isNotEmpty();
    assertThat(module(generic).description()).contains("pboc-psam-generic").contains("SAM");
    assertThat(module(generic).isTraining()).isFalse();
  }

  @Test
  void refusesARequestWithAChallengeOfTheWrongLength() {
    readers.insert(PSAM_READER, VirtualPsam.training());
    MacRequest r =
        new MacRequest(
            KeyPurpose.RESET_PIN,
            1,
            CipherAlgorithm.TDES,
            CARD_ID,
            TRAINING_ATR,
            new byte[5],
            new byte[8]);
    expect(CardErrorCode.SECURITY_MODULE_REFUSED, () -> module(generic).mac(r), "challenge");
  }

  @Test
  void aProfileWithoutTheCardsKeyFamilyIsAMissingKey() throws IOException {
    readers.insert(PSAM_READER, VirtualPsam.training());
    String json = PsamProfilesTest.genericJson();
    int start = json.indexOf("{ \"purpose\": \"RESET_PIN\", \"algorithm\": \"SM4\"");
    int end = json.indexOf('\n', start);
    PsamProfile noSm4Reset =
        PsamProfiles.parse(
            (json.substring(0, start) + json.substring(end + 1)).getBytes(StandardCharsets.UTF_8),
            "no-sm4");
    MacRequest r = request(KeyPurpose.RESET_PIN, CipherAlgorithm.SM4, 8);
    expect(CardErrorCode.SECURITY_MODULE_KEY_MISSING, () -> module(noSm4Reset).mac(r), "no key");
  }

  @Test
  void answersExternalAuthenticationAsTheTrainingModuleDoes() throws Exception {
    readers.insert(PSAM_READER, VirtualPsam.training());
    for (CipherAlgorithm algorithm :
        new CipherAlgorithm[] {CipherAlgorithm.TDES, CipherAlgorithm.SM4}) {
      ExternalAuthRequest r =
          new ExternalAuthRequest(key(KeyPurpose.EXTERNAL_AUTHENTICATION, algorithm), CHALLENGE);
      assertThat(module(generic).externalAuthentication(r))
          .as(algorithm.name())
          .isEqualTo(new TrainingSecurityModule().externalAuthentication(r));
    }
  }

  @Test
  void enciphersThePinBlockAndMacsItAsTheTrainingModuleDoes() throws Exception {
    readers.insert(PSAM_READER, VirtualPsam.training());
    for (CipherAlgorithm algorithm :
        new CipherAlgorithm[] {CipherAlgorithm.TDES, CipherAlgorithm.SM4}) {
      try (Pin pin = Pin.of("385217".toCharArray())) {
        SecureMessagingRequest r =
            new SecureMessagingRequest(
                key(KeyPurpose.RESET_PIN, algorithm),
                CHALLENGE,
                Hex.parse("8424000114"),
                Optional.of(pin));
        SecureMessage fromPsam = module(generic).secureMessaging(r);
        SecureMessage fromTraining = new TrainingSecurityModule().secureMessaging(r);
        assertThat(fromPsam.encipheredPinBlock()).isEqualTo(fromTraining.encipheredPinBlock());
        assertThat(fromPsam.mac()).isEqualTo(fromTraining.mac());
      }
    }
    assertThat(recorded.headers).contains("80FA0000");
  }

  @Test
  void aPsamThatCannotEncipherRefusesExternalAuthenticationWithATypedError() throws IOException {
    readers.insert(PSAM_READER, VirtualPsam.training());
    String json = PsamProfilesTest.genericJson().replace(",\n    \"p1Encipher\": \"00\"", "");
    PsamProfile macOnly = PsamProfiles.parse(json.getBytes(StandardCharsets.UTF_8), "mac-only");
    assertThat(macOnly.mac().canEncipher()).isFalse();
    ExternalAuthRequest r =
        new ExternalAuthRequest(
            key(KeyPurpose.EXTERNAL_AUTHENTICATION, CipherAlgorithm.SM4), CHALLENGE);
    expect(
        CardErrorCode.SECURITY_MODULE_UNSUPPORTED,
        () -> module(macOnly).externalAuthentication(r),
        "enciphering");
  }

  private static CardKeyAddress key(KeyPurpose purpose, CipherAlgorithm algorithm) {
    return new CardKeyAddress(purpose, 1, algorithm, CARD_ID, "K31000001", TRAINING_ATR);
  }

  private static void expect(CardErrorCode code, ThrowingCallable call, String detail) {
    assertThatExceptionOfType(CardException.class)
        .isThrownBy(call)
        .satisfies(e -> assertThat(e.code()).isEqualTo(code))
        .withMessageContaining(detail);
  }
}
