package dev.pindesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.ApduChannel;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.PinState;
import dev.pindesk.card.ResetStrategies;
import dev.pindesk.card.SscApplication;
import dev.pindesk.card.SscCardReader;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the card layer must do with a social security card, run against every way PinDesk meets one:
 * the in-process virtual reader and the real pcscd + vpcd stack.
 */
public abstract class CardScenarios {
  private static final CardProfiles PROFILES = CardProfiles.builtIn();
  protected final List<String> trace = new ArrayList<>();

  /** The reader under test. */
  protected abstract CardReader reader();

  protected CardTerminals terminals() {
    return reader().terminals();
  }

  /** Puts a card made from {@code spec} into the reader; returns the reader's name. */
  protected String present(VirtualCardSpec spec) throws Exception {
    return reader().present(VirtualSscCard.fromSpec(spec));
  }

  /** New PINs written by these scenarios: none may reach a log, in ASCII or BCD form. */
  private static final List<String> PINS_USED = List.of("385217", "604918", "729164");

  @AfterEach
  void takeCardOut() throws Exception {
    reader().withdraw();
  }

  /**
   * Where the shared test log ended when these scenarios began: only what they logged is scanned,
   * so a digit run in another test's lines (a random seed, a temporary directory's number) cannot
   * pass for one of these PINs.
   */
  private static long logStart;

  private static Path testLog() {
    return Path.of(System.getProperty("pindesk.log.dir", "target/test-logs"), "pindesk-test.log");
  }

  @BeforeAll
  static void rememberWhereTheLogEnds() throws IOException {
    Path log = testLog();
    logStart = Files.exists(log) ? Files.size(log) : 0;
  }

  @AfterAll
  static void noPinReachedTheLog() throws IOException {
    Path log = testLog();
    if (!Files.exists(log)) {
      return;
    }
    byte[] all = Files.readAllBytes(log);
    int from = logStart <= all.length ? (int) logStart : 0; // a rolled-over log: scan it all
    String text = new String(all, from, all.length - from, StandardCharsets.ISO_8859_1);
    for (String pin : PINS_USED) {
      assertThat(text).doesNotContain(pin);
      assertThat(text).doesNotContain(Hex.of(pin.getBytes(StandardCharsets.US_ASCII)));
      assertThat(text)
          .doesNotContain(new String(Hex.parse(pin), StandardCharsets.ISO_8859_1)); // BCD
    }
  }

  /** An operation on a read card over one connection. */
  protected interface CardWork {
    void run(SscApplication app, CardSnapshot card) throws CardException;
  }

  protected CardSnapshot read(String reader) throws CardException {
    try (CardConnection c = terminals().connect(reader)) {
      return new SscCardReader(PROFILES).read(c, (cmd, r, n) -> trace.add(cmd + " -> " + r));
    }
  }

  protected void withCard(String reader, CardWork work) throws CardException {
    try (CardConnection c = terminals().connect(reader)) {
      CardSnapshot card = new SscCardReader(PROFILES).read(c, (cmd, r, n) -> {});
      c.beginExclusive();
      try {
        work.run(
            new SscApplication(new ApduChannel(c, (cmd, r, n) -> trace.add(cmd + " -> " + r))),
            card);
      } finally {
        c.endExclusive();
      }
    }
  }

  protected static Pin pin(String digits) {
    return Pin.of(digits.toCharArray());
  }

  private static CardErrorCode codeOf(Throwable t) {
    return ((CardException) t).code();
  }

  @Test
  void readsAGeneration3Sm4CardWithTheFewestApdus() throws Exception {
    VirtualCardSpec spec = TrainingCards.spec(TrainingCards.GEN3_SM4);
    CardSnapshot card = read(present(spec));
    assertThat(card.holder().ssn()).isEqualTo(spec.holder().ssn());
    assertThat(card.holder().name()).isEqualTo(spec.holder().name());
    assertThat(card.info().cardIdCode()).isEqualTo(spec.card().cardIdCode());
    assertThat(card.info().specVersion()).isEqualTo("3.00");
    assertThat(card.algorithm()).isEqualTo(CipherAlgorithm.SM4);
    assertThat(card.profile().id()).isEqualTo("training-sm4");
    assertThat(card.trainingCard()).isTrue();
    assertThat(card.pinState()).isEqualTo(PinState.triesLeft(3));
    // SELECT, SELECT EF05, 7 reads, SELECT EF06, 6 reads, retry check.
    assertThat(card.apduCount()).isEqualTo(17);
  }

  @Test
  void readsAGeneration2T0CardFetchingTheFciWithGetResponse() throws Exception {
    VirtualCardSpec spec = TrainingCards.spec(TrainingCards.GEN2_TDES_T0);
    CardSnapshot card = read(present(spec));
    assertThat(card.info().specVersion()).isEqualTo("2.00");
    assertThat(card.holder().name()).isEqualTo(spec.holder().name());
    assertThat(card.algorithm()).isEqualTo(CipherAlgorithm.TDES);
    assertThat(trace).anyMatch(line -> line.startsWith("00 C0 00 00"));
    assertThat(card.apduCount()).isEqualTo(18);
  }

  @Test
  void readsANameNeedingGb18030AndTheNameExtension() throws Exception {
    VirtualCardSpec spec = TrainingCards.spec(TrainingCards.LONG_NAME);
    CardSnapshot card = read(present(spec));
    assertThat(card.holder().name()).isEqualTo(spec.holder().name());
    assertThat(trace).anyMatch(line -> line.startsWith("00 B2 4E"));
  }

  @Test
  void resendsWithTheLengthTheCardAnnouncesWith6Cxx() throws Exception {
    VirtualCardSpec spec =
        TrainingCards.variant(
            TrainingCards.GEN2_TDES_T0, t -> t.putObject("elementLengths").put("09", 20));
    CardSnapshot card = read(present(spec));
    assertThat(card.holder().name()).isEqualTo(spec.holder().name());
    assertThat(trace).anyMatch(line -> line.endsWith("-> 6C16"));
    // The card holds a 20-byte name: 6C 16 announces 22 TLV bytes, the read is resent with Le 16.
    assertThat(trace).anyMatch(line -> line.startsWith("00 B2 09 00 16 -> 0914"));
  }

  @Test
  void aWrongPinReportsTheTriesLeftAndBlocksAtTheLastTry() throws Exception {
    String reader = present(TrainingCards.spec(TrainingCards.GEN3_SM4));
    withCard(
        reader,
        (app, card) -> {
          try (Pin wrong = pin("000000")) {
            assertThatThrownBy(() -> app.verifyPin(wrong))
                .satisfies(e -> assertThat(((CardException) e).triesLeft()).hasValue(2));
            assertThat(app.pinState(card.profile())).isEqualTo(PinState.triesLeft(2));
            assertThatThrownBy(() -> app.verifyPin(wrong))
                .satisfies(e -> assertThat(((CardException) e).triesLeft()).hasValue(1));
            assertThatThrownBy(() -> app.verifyPin(wrong))
                .satisfies(e -> assertThat(((CardException) e).triesLeft()).hasValue(0));
          }
          try (Pin right = pin("123456")) {
            assertThatThrownBy(() -> app.verifyPin(right))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(CardErrorCode.PIN_BLOCKED));
          }
          assertThat(app.pinState(card.profile())).isEqualTo(PinState.BLOCKED);
        });
    assertThat(String.join("\n", trace)).doesNotContain("000000").doesNotContain("123456");
  }

  @Test
  void resetAuthenticatesExternallyThenWritesANewPinWithTrainingKeys() throws Exception {
    String reader = present(TrainingCards.spec(TrainingCards.GEN3_SM4));
    SecurityModule module = new TrainingSecurityModule();
    withCard(
        reader,
        (app, card) -> {
          try (Pin newPin = pin("385217")) {
            ResetStrategies.reset(app, card, newPin, module);
            app.verifyPin(newPin);
          }
        });
    assertThat(commandHeaders())
        .containsExactly("00 84 00 00", "00 82 00 01", "00 84 00 00", "84 24 00 01", "00 20 00 00");
    assertThat(String.join("\n", trace)).doesNotContain("385217");
  }

  @Test
  void resetWithTdesKeysOnAT0Card() throws Exception {
    String reader = present(TrainingCards.spec(TrainingCards.GEN2_TDES_T0));
    withCard(
        reader,
        (app, card) -> {
          try (Pin newPin = pin("604918")) {
            ResetStrategies.reset(app, card, newPin, new TrainingSecurityModule());
            app.verifyPin(newPin);
          }
        });
  }

  @Test
  void resetWithoutExternalAuthenticationIsRefusedByTheCard() throws Exception {
    String reader = present(TrainingCards.spec(TrainingCards.GEN3_SM4));
    withCard(
        reader,
        (app, card) -> {
          app.getChallenge(8);
          assertThatThrownBy(
                  () ->
                      app.sendSecured(
                          Hex.parse("84240001"), new byte[20], "reset without authentication"))
              .satisfies(
                  e -> assertThat(codeOf(e)).isEqualTo(CardErrorCode.SECURITY_NOT_SATISFIED));
        });
  }

  @Test
  void unblockAloneRestoresTheTriesAndKeepsTheOldPin() throws Exception {
    VirtualCardSpec spec =
        TrainingCards.variant(
            TrainingCards.GEN3_SM4,
            t -> t.with("pin").put("state", "PIN_BLOCKED").put("triesLeft", 0));
    String reader = present(spec);
    withCard(
        reader,
        (app, card) -> {
          assertThat(card.pinState()).isEqualTo(PinState.BLOCKED);
          try (Pin newPin = pin("385217");
              Pin oldPin = pin("123456")) {
            // This card's reset does not restore a blocked PIN: the unblock must come first.
            assertThatThrownBy(
                    () -> ResetStrategies.reset(app, card, newPin, new TrainingSecurityModule()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(CardErrorCode.PIN_BLOCKED));
            ResetStrategies.unblock(app, card, new TrainingSecurityModule());
            assertThat(app.pinState(card.profile())).isEqualTo(PinState.triesLeft(3));
            app.verifyPin(oldPin);
            assertThatThrownBy(() -> app.verifyPin(newPin))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(CardErrorCode.PIN_WRONG));
          }
        });
  }

  @Test
  void unlockIsUnblockThenResetForACitizenWhoAlsoForgotThePin() throws Exception {
    VirtualCardSpec spec =
        TrainingCards.variant(
            TrainingCards.GEN3_SM4,
            t -> t.with("pin").put("state", "PIN_BLOCKED").put("triesLeft", 0));
    String reader = present(spec);
    withCard(
        reader,
        (app, card) -> {
          try (Pin newPin = pin("385217")) {
            ResetStrategies.unblock(app, card, new TrainingSecurityModule());
            ResetStrategies.reset(app, card, newPin, new TrainingSecurityModule());
            app.verifyPin(newPin);
          }
          assertThat(app.pinState(card.profile())).isEqualTo(PinState.triesLeft(3));
        });
    assertThat(commandHeaders())
        .containsSubsequence(
            "00 84 00 00",
            "84 24 00 00",
            "00 84 00 00",
            "00 82 00 01",
            "00 84 00 00",
            "84 24 00 01");
  }

  @Test
  void aRefusedCryptogramReportsTheKeysTriesNotAWrongPin() throws Exception {
    String reader = present(TrainingCards.spec(TrainingCards.GEN3_SM4));
    SecurityModule forger = forger(new byte[16]);
    withCard(
        reader,
        (app, card) -> {
          try (Pin newPin = pin("385217")) {
            assertThatThrownBy(() -> ResetStrategies.reset(app, card, newPin, forger))
                .satisfies(
                    e -> {
                      assertThat(codeOf(e)).isEqualTo(CardErrorCode.CARD_KEY_REFUSED);
                      assertThat(((CardException) e).triesLeft()).hasValue(2);
                    });
          }
        });
  }

  @Test
  void aForgedMacIsRefusedByTheCard() throws Exception {
    String reader = present(TrainingCards.spec(TrainingCards.GEN3_SM4));
    SecurityModule forger = forger(null);
    withCard(
        reader,
        (app, card) -> {
          try (Pin newPin = pin("385217")) {
            assertThatThrownBy(() -> ResetStrategies.reset(app, card, newPin, forger))
                .satisfies(
                    e -> assertThat(codeOf(e)).isEqualTo(CardErrorCode.AUTHENTICATION_FAILED));
          }
        });
  }

  /**
   * A module that authenticates like the training module, or with {@code cryptogram} when given,
   * and answers secure messaging with a training PIN block but a forged MAC.
   */
  private static SecurityModule forger(byte[] cryptogram) {
    SecurityModule training = new TrainingSecurityModule();
    return new SecurityModule() {
      @Override
      public String description() {
        return "forger";
      }

      @Override
      public boolean isTraining() {
        return true;
      }

      @Override
      public byte[] externalAuthentication(ExternalAuthRequest request) throws CardException {
        return cryptogram != null ? cryptogram.clone() : training.externalAuthentication(request);
      }

      @Override
      public SecureMessage secureMessaging(SecureMessagingRequest request) throws CardException {
        SecureMessage real = training.secureMessaging(request);
        return new SecureMessage(real.encipheredPinBlock(), new byte[] {1, 2, 3, 4});
      }
    };
  }

  /** CLA INS P1 P2 of every traced command, in order. */
  protected List<String> commandHeaders() {
    return trace.stream().map(line -> line.substring(0, 11)).toList();
  }

  @Test
  void changesTheInitialPinKnowingIt() throws Exception {
    String reader = present(TrainingCards.spec(TrainingCards.GEN3_SM4));
    withCard(
        reader,
        (app, card) -> {
          try (Pin initial = pin("123456");
              Pin chosen = pin("729164")) {
            app.changePin(initial, chosen);
            app.verifyPin(chosen);
            assertThatThrownBy(() -> app.verifyPin(initial))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(CardErrorCode.PIN_WRONG));
          }
        });
  }

  @Test
  void aPermanentlyLockedApplicationIsReported() throws Exception {
    VirtualCardSpec spec =
        TrainingCards.variant(TrainingCards.GEN3_SM4, t -> t.with("pin").put("state", "LOCKED"));
    String reader = present(spec);
    withCard(
        reader,
        (app, card) -> {
          assertThat(card.pinState()).isEqualTo(PinState.LOCKED);
          try (Pin p = pin("123456")) {
            assertThatThrownBy(() -> app.verifyPin(p))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(CardErrorCode.APP_LOCKED));
          }
        });
  }

  @Test
  void holderDataBehindAuthenticationNeedsTheSecurityModule() throws Exception {
    VirtualCardSpec spec =
        TrainingCards.variant(TrainingCards.GEN3_SM4, t -> t.put("ef06NeedsAuthentication", true));
    String reader = present(spec);
    assertThatThrownBy(() -> read(reader))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(CardErrorCode.NEEDS_SECURITY_MODULE));
  }

  @Test
  void holderDataBehindAuthenticationIsReadAfterExternalAuthentication() throws Exception {
    VirtualCardSpec spec =
        TrainingCards.variant(TrainingCards.GEN3_SM4, t -> t.put("ef06NeedsAuthentication", true));
    String reader = present(spec);
    CardSnapshot card;
    try (CardConnection c = terminals().connect(reader)) {
      card =
          new SscCardReader(PROFILES, java.util.Optional.of(new TrainingSecurityModule()))
              .read(c, (cmd, r, n) -> trace.add(cmd + " -> " + r));
    }
    assertThat(card.holder().ssn()).isEqualTo(spec.holder().ssn());
    assertThat(card.holder().name()).isEqualTo(spec.holder().name());
    assertThat(commandHeaders())
        .containsSubsequence(
            "00 A4 02 00",
            "00 B2 08 00",
            "00 84 00 00",
            "00 82 00 01",
            "00 A4 02 00",
            "00 B2 08 00");
  }
}
