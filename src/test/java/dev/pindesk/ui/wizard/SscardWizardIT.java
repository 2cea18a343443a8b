package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.sscard.SscardReader;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.it.RealPcsc;
import dev.pindesk.it.VpcdCard;
import dev.pindesk.it.VpcdPsam;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.testing.SscardRig;
import dev.pindesk.testing.SscardStandin;
import dev.pindesk.testing.TrainingCards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wizard at a counter with a certified reader, end to end without vendor hardware: PinDesk's C
 * stand-in of the national interface in the device host, the virtual training card in the real
 * pcscd's vpcd reader (and, for the PSAM path, a virtual PSAM in the second one), the citizen's
 * digits typed on the stand-in's keypad. The reader's PSAM path and the HSM path (the training
 * security module standing in for the card-management service), a weak PIN the HSM path hands back,
 * an unlock, a change with a wrong current PIN, the keypad's cancel and time-out, an error code of
 * the library and a library call that hangs. After each test the journal verifies and holds the
 * case's steps and no PIN.
 */
class SscardWizardIT extends WizardModelFixture {
  private static final PcscTerminals TERMINALS = new PcscTerminals();
  private static final SscardReader.Timeouts FAST =
      new SscardReader.Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(6));

  private SscardRig rig;
  private SscardReader reader;
  private VpcdCard card;

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(TERMINALS);
    SscardStandin.library();
  }

  @Override
  CardTerminals cardTerminals() {
    return TERMINALS;
  }

  @Override
  Optional<NationalReader> certifiedReader() {
    rig = new SscardRig(dir);
    try {
      // The stand-in's reload looks for a PSAM in the second vpcd reader: with none there it
      // answers "no PSAM" and PinDesk takes the HSM path.
      reader =
          rig.reader(
              SscardStandin.library(), FAST, Map.of("SSCARD_STANDIN_PSAM_READER", VpcdPsam.READER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(reader);
  }

  @AfterEach
  void takeOut() throws Exception {
    reader.close();
    if (card != null) {
      card.close();
    }
  }

  private void insertCard() throws Exception {
    card = VpcdCard.insert(TERMINALS, TrainingCards.spec(TrainingCards.GEN3_SM4));
  }

  /** Opens a case of {@code service} for the holder, reads and binds: the PIN step shows. */
  private void toPinStep(ServiceKind service) {
    openCase(service, HolderKind.IN_PERSON);
    enterId(model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    checkIds();
    readAndBind();
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.PIN);
    assertThat(model.noticeProperty().get().map(Notice::key)).contains("pinstep.device_entry");
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.WRITE);
  }

  /**
   * The write fails: the wizard is back at the PIN step saying why; returns what the clerk read,
   * then goes on to the write step again.
   */
  private String writeFails(String errorKey) {
    model.write();
    assertThat(model.stepProperty().get()).as(this::state).isEqualTo(WizardStep.PIN);
    assertThat(model.noticeProperty().get().map(Notice::key)).as(this::state).contains(errorKey);
    String told = notice();
    model.next();
    return told;
  }

  private void assertCardPin(String digits) {
    assertThat(card.card().isCurrentPin(digits.toCharArray())).as("the card's PIN").isTrue();
  }

  @Test
  void aResetOnTheReadersPsamPath() throws Exception {
    insertCard();
    try (VpcdPsam psam = VpcdPsam.insert(TERMINALS, VirtualPsam.training())) {
      toPinStep(ServiceKind.RESET);
      rig.keypad(NEW_PIN, NEW_PIN);
      writeAndConfirm();
    }
    assertCardPin(NEW_PIN);
    closeCase();
    expectedSteps = CLEAN_CASE;
    counter.assertCaptureJournaledAsDeviceEntry();
  }

  @Test
  void aResetOnTheHsmPathRefusesAWeakPinTheLibraryHandsBack() throws Exception {
    insertCard();
    toPinStep(ServiceKind.RESET);
    rig.keypad("123456", "123456");
    writeFails("error.card.new_pin_weak");
    assertCardPin("123456");
    rig.keypad(NEW_PIN, NEW_PIN);
    writeAndConfirm();
    assertCardPin(NEW_PIN);
    closeCase();
    expectedSteps = WRITTEN_ON_SECOND_TRY;
  }

  @Test
  void anUnlockOfABlockedCardOnTheHsmPath() throws Exception {
    card =
        VpcdCard.insert(
            TERMINALS,
            TrainingCards.variant(
                TrainingCards.GEN3_SM4,
                t -> ((ObjectNode) t.get("pin")).put("state", "PIN_BLOCKED").put("triesLeft", 0)));
    toPinStep(ServiceKind.UNLOCK);
    rig.keypad(NEW_PIN, NEW_PIN);
    writeAndConfirm();
    assertThat(notice()).isEqualTo(ZH.get("writestep.written_unlock"));
    assertThat(card.card().pinTriesLeft()).isEqualTo(3);
    assertCardPin(NEW_PIN);
    closeCase();
    expectedSteps = CLEAN_CASE;
  }

  @Test
  void aChangeWithAWrongCurrentPinIsTypedAgain() throws Exception {
    insertCard();
    toPinStep(ServiceKind.CHANGE_INITIAL);
    rig.keypad("000000", NEW_PIN, NEW_PIN);
    assertThat(writeFails("error.card.pin_wrong")).isEqualTo(ZH.get("error.card.pin_wrong", 2));
    rig.keypad("123456", NEW_PIN, NEW_PIN);
    writeAndConfirm();
    assertCardPin(NEW_PIN);
    closeCase();
    expectedSteps = WRITTEN_ON_SECOND_TRY;
  }

  @Test
  void theKeypadsCancelAndTimeOutLeaveTheCardAsItWas() throws Exception {
    insertCard();
    toPinStep(ServiceKind.RESET);
    rig.keypad("CANCEL");
    writeFails("error.card.pin_entry_cancelled");
    rig.keypad(); // nobody types
    writeFails("error.card.pin_entry_timeout");
    assertCardPin("123456");
    cancel();
    expectedSteps =
        steps(
            UNTIL_BOUND,
            "pin_captured",
            "pin_written",
            "pin_captured",
            "pin_written",
            "pin_captured",
            "case_cancelled");
  }

  @Test
  void aLibraryErrorCodeIsTranslatedForTheClerk() throws Exception {
    insertCard();
    toPinStep(ServiceKind.RESET);
    rig.control("iReloadPIN fail -12");
    rig.keypad(NEW_PIN, NEW_PIN);
    writeFails("error.card.pin_blocked");
    assertCardPin("123456");
    cancel();
    expectedSteps =
        steps(UNTIL_BOUND, "pin_captured", "pin_written", "pin_captured", "case_cancelled");
  }

  @Test
  void aLibraryCallThatHangsLeavesTheWriteInDoubtUntilTheKeypadCheck() throws Exception {
    insertCard();
    toPinStep(ServiceKind.RESET);
    rig.control("iReloadPIN_HSM_Step3 hang");
    rig.keypad(NEW_PIN, NEW_PIN);
    model.write();
    assertThat(model.caseStateProperty().get()).as(this::state).contains(CaseState.IN_DOUBT);
    assertThat(reader.hostRestarts()).isEqualTo(1);
    rig.control();
    rig.keypad(NEW_PIN);
    model.resolveInDoubt(true);
    // Step3 never reached the card: the check with the new PIN proves nothing was written, and
    // the wizard is back at the PIN step for the citizen to type again.
    assertThat(model.stepProperty().get()).as(this::state).isEqualTo(WizardStep.PIN);
    assertThat(model.noticeProperty().get().map(Notice::key))
        .contains("writestep.check_not_written");
    assertThat(card.card().pinTriesLeft()).isEqualTo(2);
    cancel();
    expectedSteps =
        steps(
            UNTIL_BOUND,
            "pin_captured",
            "in_doubt",
            "in_doubt_resolved",
            "pin_captured",
            "case_cancelled");
  }
}
