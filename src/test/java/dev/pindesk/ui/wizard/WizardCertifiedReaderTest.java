package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.PinPad;
import dev.pindesk.testing.ScriptedNationalReader;
import dev.pindesk.testing.ScriptedNationalReader.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wizard at a counter with a certified reader: the card read through the national interface,
 * the PIN typed on the reader's keypad during the write. The clerk is told that the PIN policy
 * cannot judge that PIN, sees what the keypad waits for, and the journal holds the same steps as on
 * the PC/SC path, the capture marked {@code policy_not_applied: device_entry}.
 */
class WizardCertifiedReaderTest extends WizardModelFixture {
  private final ScriptedNationalReader reader = new ScriptedNationalReader();
  private final List<Optional<PinPad.Prompt>> keypad = new ArrayList<>();

  @Override
  Optional<NationalReader> certifiedReader() {
    return Optional.of(reader);
  }

  @BeforeEach
  void followTheKeypad() {
    model.pin().keypadProperty().addListener((o, was, now) -> keypad.add(now));
  }

  /** Opens a case of {@code service}, checks the holder, reads and binds: the PIN step shows. */
  private void toDevicePinStep(ServiceKind service) {
    openCase(service, HolderKind.IN_PERSON);
    enterId(model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    checkIds();
    readAndBind();
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.PIN);
    assertThat(model.pin().onDeviceProperty().get()).isTrue();
    assertThat(model.pin().entryProperty().get()).isZero();
    assertThat(pad.showing()).as("the customer pad stays dark").isFalse();
  }

  @Test
  void aResetIsTypedOnTheReadersKeypadAndTheClerkIsToldThePolicyCannotRun() throws Exception {
    toDevicePinStep(ServiceKind.RESET);
    assertThat(model.noticeProperty().get().map(Notice::key)).contains("pinstep.device_entry");
    assertThat(notice()).contains("PinDesk 无法检查弱密码");
    assertThat(model.canGoNextBinding().get()).isTrue();
    writeAndConfirm();
    assertThat(keypad).containsExactly(Optional.of(PinPad.Prompt.NEW_PIN), Optional.empty());
    assertThat(reader.calls()).containsExactly(Call.READ, Call.READ, Call.RELOAD);
    closeCase();
    expectedSteps = CLEAN_CASE;
    counter.assertCaptureJournaledAsDeviceEntry();
  }

  @Test
  void aChangeOfTheInitialPinAsksForTheCurrentPinFirstOnTheKeypad() {
    toDevicePinStep(ServiceKind.CHANGE_INITIAL);
    writeAndConfirm();
    assertThat(keypad).containsExactly(Optional.of(PinPad.Prompt.OLD_PIN), Optional.empty());
    assertThat(reader.calls()).endsWith(Call.CHANGE);
    closeCase();
    expectedSteps = CLEAN_CASE;
  }

  @Test
  void anUnlockUnblocksAndReloads() {
    toDevicePinStep(ServiceKind.UNLOCK);
    writeAndConfirm();
    assertThat(reader.calls()).endsWith(Call.UNBLOCK, Call.RELOAD);
    assertThat(notice()).isEqualTo(ZH.get("writestep.written_unlock"));
    closeCase();
    expectedSteps = CLEAN_CASE;
  }

  @Test
  void aKeypadTimeOutGoesBackToThePinStepToTypeAgain() {
    toDevicePinStep(ServiceKind.RESET);
    reader.failNext(Call.RELOAD, CardErrorCode.PIN_ENTRY_TIMEOUT);
    model.next();
    model.write();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.PIN);
    assertThat(model.caseStateProperty().get()).contains(CaseState.PIN_CAPTURED);
    assertThat(noticeNext()).isNotEmpty();
    writeAndConfirm();
    closeCase();
    expectedSteps = WRITTEN_ON_SECOND_TRY;
  }

  @Test
  void aDeviceThatHangsMidWriteIsSettledOnTheKeypadOnlyWithTheClerksConsent() {
    toDevicePinStep(ServiceKind.RESET);
    reader.failNext(Call.RELOAD, CardErrorCode.DEVICE_NOT_RESPONDING);
    model.next();
    model.write();
    assertThat(model.caseStateProperty().get()).contains(CaseState.IN_DOUBT);
    model.resolveInDoubt(false);
    assertThat(model.caseStateProperty().get()).contains(CaseState.IN_DOUBT);
    assertThat(reader.calls()).doesNotContain(Call.VERIFY);
    model.resolveInDoubt(true);
    assertThat(model.caseStateProperty().get()).contains(CaseState.WRITTEN);
    assertThat(keypad).endsWith(Optional.of(PinPad.Prompt.CONFIRM_NEW_PIN), Optional.empty());
    closeCase();
    expectedSteps =
        steps(
            UNTIL_BOUND,
            "pin_captured",
            "in_doubt",
            "in_doubt_resolved",
            "in_doubt_resolved",
            "case_closed");
  }
}
