package dev.pindesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.sscard.SscardReader;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.pin.PinContext;
import dev.pindesk.domain.pin.PinPolicy;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.NationalCardData;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import dev.pindesk.testing.SscardRig;
import dev.pindesk.testing.SscardStandin;
import dev.pindesk.testing.TrainingCards;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The national read/write interface as a device path: PinDesk's C stand-in of the vendor library (a
 * real {@code .so} over libpcsclite) in the device host process, the virtual training card in the
 * real pcscd's vpcd reader, PIN digits from the stand-in's "keypad" file.
 */
class SscardReaderIT {
  private static final PcscTerminals TERMINALS = new PcscTerminals();
  private static final SscardReader.Timeouts FAST =
      new SscardReader.Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(6));
  private static Path library;

  @TempDir Path dir;
  private SscardRig rig;
  private VpcdCard card;
  private SscardReader reader;

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(TERMINALS);
    library = SscardStandin.library();
  }

  @org.junit.jupiter.api.BeforeEach
  void rig() {
    rig = new SscardRig(dir);
  }

  @AfterEach
  void takeOut() throws Exception {
    if (reader != null) {
      reader.close();
    }
    if (card != null) {
      card.close();
    }
  }

  private void insert(String resource) throws Exception {
    card = VpcdCard.insert(TERMINALS, TrainingCards.spec(resource));
  }

  private SscardReader reader(Path lib, SscardReader.Timeouts timeouts) throws IOException {
    return reader(lib, timeouts, Map.of());
  }

  private SscardReader reader(Path lib, SscardReader.Timeouts timeouts, Map<String, String> extra)
      throws IOException {
    reader = rig.reader(lib, timeouts, extra);
    return reader;
  }

  private SscardReader reader() throws IOException {
    return reader(library, FAST);
  }

  /** The training card in the vpcd reader, read through a new reader over the stand-in. */
  private NationalCardData readTrainingCard() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    return reader().readCard();
  }

  private void keypad(String... entries) throws IOException {
    rig.keypad(entries);
  }

  private void control(String... lines) throws IOException {
    rig.control(lines);
  }

  @Test
  void readsTheBasicDataAsTheInterfacePrintsIt() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    NationalCardData d = reader().readCard();
    assertThat(d.cardIdCode()).isEqualTo("110100D1560000050349B1A7C2E5F018");
    assertThat(d.region()).isEqualTo("110100");
    assertThat(d.cardNumber()).isEqualTo("K31000001");
    assertThat(d.ssn()).isEqualTo("110101198604120243");
    assertThat(d.name()).isEqualTo("李秀英");
    assertThat(d.specVersion()).isEqualTo("3.00");
    assertThat(d.issueDate()).isEqualTo(LocalDate.of(2021, 6, 18));
    assertThat(d.expiryDate()).isEqualTo(LocalDate.of(2031, 6, 18));
    assertThat(new String(d.resetInfo(), StandardCharsets.US_ASCII)).contains("PDTRAIN");
  }

  @Test
  void verifiesThePinTypedOnTheKeypad() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    keypad("123456");
    reader().verifyPin();
    assertThat(card.card().pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void aWrongPinOnTheKeypadReportsTheTriesLeft() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    keypad("654321");
    CardException e = catchThrowableOfType(() -> reader().verifyPin(), CardException.class);
    assertThat(e.code()).isEqualTo(CardErrorCode.PIN_WRONG);
    assertThat(e.triesLeft()).hasValue(2);
  }

  @Test
  void aBlockedPinIsReportedBlocked() throws Exception {
    card =
        VpcdCard.insert(
            TERMINALS,
            TrainingCards.variant(
                TrainingCards.GEN3_SM4,
                t -> ((ObjectNode) t.get("pin")).put("state", "PIN_BLOCKED").put("triesLeft", 0)));
    keypad("123456");
    assertCode(() -> reader().verifyPin(), CardErrorCode.PIN_BLOCKED);
  }

  @Test
  void changesThePinWithOldAndNewTypedOnTheKeypad() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    keypad("123456", "385217", "385217");
    reader().changePin();
    assertCardPin("385217");
  }

  @Test
  void twoDifferentNewPinsOnTheKeypadChangeNothing() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    keypad("123456", "385217", "385218");
    assertCode(() -> reader().changePin(), CardErrorCode.PIN_ENTRY_MISMATCH);
    assertCardPin("123456");
  }

  @Test
  void reloadsThePinOverTheHsmPathWhenTheReaderHasNoPsam() throws Exception {
    NationalCardData d = readTrainingCard();
    SscardReader r = reader;
    keypad("385217", "385217");
    reload(r, d);
    assertCardPin("385217");
    assertThat(card.card().keyTriesLeft()).isEqualTo(3);
  }

  @Test
  void reloadsThePinWithThePsamInTheReaderWithoutTheHsmPath() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    try (VpcdPsam psam = VpcdPsam.insert(TERMINALS, VirtualPsam.training())) {
      SscardReader r = reader(library, FAST, Map.of("SSCARD_STANDIN_PSAM_READER", VpcdPsam.READER));
      NationalCardData d = r.readCard();
      keypad("385217", "385217");
      r.reloadPin(d, new NoSecurityModule(), new PinPolicy(), PinContext.NONE);
      assertCardPin("385217");
    }
  }

  @Test
  void withoutAPsamInItsReaderTheReloadTakesTheHsmPath() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    SscardReader r = reader(library, FAST, Map.of("SSCARD_STANDIN_PSAM_READER", VpcdPsam.READER));
    NationalCardData d = r.readCard();
    keypad("385217", "385217");
    reload(r, d);
    assertCardPin("385217");
  }

  /** A security module the PSAM path must never call. */
  private static final class NoSecurityModule implements SecurityModule {
    @Override
    public String description() {
      return "none";
    }

    @Override
    public boolean isTraining() {
      return true;
    }

    @Override
    public byte[] externalAuthentication(ExternalAuthRequest request) {
      throw new AssertionError("the PSAM path needs no security module");
    }

    @Override
    public SecureMessage secureMessaging(SecureMessagingRequest request) {
      throw new AssertionError("the PSAM path needs no security module");
    }
  }

  @Test
  void aWeakNewPinOnTheKeypadIsRefusedBeforeTheSecurityModule() throws Exception {
    NationalCardData d = readTrainingCard();
    SscardReader r = reader;
    keypad("123456", "123456");
    assertCode(() -> reload(r, d), CardErrorCode.NEW_PIN_WEAK);
    assertCardPin("123456");
  }

  @ParameterizedTest
  @CsvSource({"-2201", "-2202", "-2203", "-27272", "-24"})
  void eachUseTheHsmCodeOfTheReloadSwitchesToTheHsmPath(int code) throws Exception {
    NationalCardData d = readTrainingCard();
    SscardReader r = reader;
    control("iReloadPIN fail " + code);
    keypad("385217", "385217");
    reload(r, d);
    assertCardPin("385217");
  }

  @Test
  void anyOtherReloadFailureIsReportedWithoutTryingTheHsmPath() throws Exception {
    NationalCardData d = readTrainingCard();
    SscardReader r = reader;
    control("iReloadPIN fail -12");
    keypad("385217", "385217");
    assertCode(() -> reload(r, d), CardErrorCode.PIN_BLOCKED);
    assertCardPin("123456");
  }

  @Test
  void aCryptogramTheCardRefusesIsAKeyRefusalNeverAWrongPin() throws Exception {
    NationalCardData d = readTrainingCard();
    SscardReader r = reader;
    keypad("385217", "385217");
    SecurityModule wrongKeys =
        new SecurityModule() {
          @Override
          public String description() {
            return "wrong keys";
          }

          @Override
          public boolean isTraining() {
            return true;
          }

          @Override
          public byte[] externalAuthentication(ExternalAuthRequest request) {
            return new byte[16];
          }

          @Override
          public SecureMessage secureMessaging(SecureMessagingRequest request) {
            throw new AssertionError("never reached after a refused authentication");
          }
        };
    CardException e =
        catchThrowableOfType(
            () -> r.reloadPin(d, wrongKeys, new PinPolicy(), PinContext.NONE), CardException.class);
    assertThat(e.code()).isEqualTo(CardErrorCode.CARD_KEY_REFUSED);
    assertThat(e.triesLeft()).hasValue(2);
    assertCardPin("123456");
  }

  @Test
  void aReloadForAnotherCardThanTheOneInTheReaderIsRefused() throws Exception {
    NationalCardData d = readTrainingCard();
    SscardReader r = reader;
    NationalCardData other =
        new NationalCardData(
            d.region(),
            d.ssn(),
            "K39999999",
            d.cardIdCode(),
            d.name(),
            d.resetInfo(),
            d.specVersion(),
            d.issueDate(),
            d.expiryDate(),
            d.terminal(),
            d.device());
    keypad("385217", "385217");
    assertCode(
        () -> r.reloadPin(other, new TrainingSecurityModule(), new PinPolicy(), PinContext.NONE),
        CardErrorCode.CARD_MISMATCH);
  }

  @Test
  void unblocksABlockedPinOverTheHsmPathKeepingThePin() throws Exception {
    card =
        VpcdCard.insert(
            TERMINALS,
            TrainingCards.variant(
                TrainingCards.GEN3_SM4,
                t -> ((ObjectNode) t.get("pin")).put("state", "PIN_BLOCKED").put("triesLeft", 0)));
    SscardReader r = reader();
    r.unblockPin(r.readCard(), new TrainingSecurityModule());
    assertThat(card.card().pinTriesLeft()).isEqualTo(3);
    assertCardPin("123456");
  }

  @Test
  void noNewPinOnTheKeypadDuringTheReloadTimesOutAndWritesNothing() throws Exception {
    NationalCardData d = readTrainingCard();
    SscardReader r = reader;
    assertCode(() -> reload(r, d), CardErrorCode.PIN_ENTRY_TIMEOUT);
    assertCardPin("123456");
  }

  @Test
  void aLibraryCrashingInTheMiddleOfTheHsmPathLeavesThePinAsItWas() throws Exception {
    NationalCardData d = readTrainingCard();
    SscardReader r = reader;
    control("iReloadPIN_HSM_Step3 crash");
    keypad("385217", "385217");
    assertCode(() -> reload(r, d), CardErrorCode.DEVICE_NOT_RESPONDING);
    assertCardPin("123456");
    control();
    keypad("385217", "385217");
    reload(r, d);
    assertCardPin("385217");
  }

  @Test
  void cancelOnTheKeypadIsReportedAsCancelled() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    keypad("CANCEL");
    assertCode(() -> reader().verifyPin(), CardErrorCode.PIN_ENTRY_CANCELLED);
  }

  @Test
  void noEntryOnTheKeypadTimesOut() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    assertCode(() -> reader().verifyPin(), CardErrorCode.PIN_ENTRY_TIMEOUT);
  }

  @ParameterizedTest
  @CsvSource({
    "-1, NO_CARD",
    "-2, PCSC_UNAVAILABLE",
    "-12, PIN_BLOCKED",
    "-13, APP_LOCKED",
    "-21, PIN_ENTRY_CANCELLED",
    "-22, PIN_ENTRY_TIMEOUT",
    "-23, PIN_ENTRY_MISMATCH",
    "-41, CARD_MISMATCH",
    "-2201, SECURITY_MODULE_UNAVAILABLE",
    "-9999, DEVICE_ERROR"
  })
  void eachReturnCodeOfTheLibraryIsTheMappedError(int code, CardErrorCode expected)
      throws Exception {
    control("iReadCardBas fail " + code);
    assertCode(() -> reader().readCard(), expected);
  }

  @Test
  void aMissingLibraryIsRefusedAsUnavailable() throws Exception {
    SscardReader r = reader(dir.resolve("no-such-libsscard.so"), FAST);
    assertCode(r::readCard, CardErrorCode.DEVICE_UNAVAILABLE);
  }

  @Test
  void aFileThatIsNotALibraryIsRefusedAsUnavailable() throws Exception {
    Path notALibrary = Files.writeString(dir.resolve("libnot.so"), "not an ELF file");
    SscardReader r = reader(notALibrary, FAST);
    assertCode(r::readCard, CardErrorCode.DEVICE_UNAVAILABLE);
  }

  @Test
  void aLibraryWithoutTheInterfaceFunctionsIsRefusedAsUnavailable() throws Exception {
    // a real shared library, loadable, that is not a national-interface library
    Path other = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(other), "no " + other);
    SscardReader r = reader(other, FAST);
    CardException e = catchThrowableOfType(r::readCard, CardException.class);
    assertThat(e.code()).isEqualTo(CardErrorCode.DEVICE_UNAVAILABLE);
    assertThat(e.getMessage()).contains("iReadCardBas");
  }

  @Test
  void aHangingCallGetsTheHostKilledAndRestartedAndTheNextCallWorks() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    SscardReader r =
        reader(library, new SscardReader.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(6)));
    control("iReadCardBas hang");
    long start = System.nanoTime();
    assertCode(r::readCard, CardErrorCode.DEVICE_NOT_RESPONDING);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(r.hostRestarts()).isEqualTo(1);
    control();
    assertThat(r.readCard().cardNumber()).isEqualTo("K31000001");
  }

  @Test
  void aCrashingLibraryGetsTheHostRestartedAndTheNextCallWorks() throws Exception {
    insert(TrainingCards.GEN3_SM4);
    SscardReader r = reader();
    long firstPid = r.readCard() != null ? r.hostPid().orElseThrow() : -1;
    control("iReadCardBas crash");
    assertCode(r::readCard, CardErrorCode.DEVICE_NOT_RESPONDING);
    control();
    assertThat(r.readCard().cardNumber()).isEqualTo("K31000001");
    assertThat(r.hostPid().orElseThrow()).isNotEqualTo(firstPid);
  }

  private interface Call {
    void run() throws Exception;
  }

  /** A reload over the training security module with the built-in PIN policy. */
  private static void reload(SscardReader r, NationalCardData d) throws CardException {
    r.reloadPin(d, new TrainingSecurityModule(), new PinPolicy(), PinContext.NONE);
  }

  /** The virtual card's PIN is {@code digits}. */
  private void assertCardPin(String digits) {
    assertThat(card.card().isCurrentPin(digits.toCharArray())).as("the card's PIN").isTrue();
  }

  private static void assertCode(Call call, CardErrorCode expected) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(expected));
  }
}
