package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.ports.PinPad;
import dev.pindesk.testing.TrainingCards;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The new-PIN step: two entries on the customer pad, the policy judging the first, a weak PIN or a
 * mismatch starting the entry again with the reason, a pad that times out or is cancelled; the
 * clerk only learns the entry number and how many digits were typed.
 */
class PinCaptureTest extends WizardModelFixture {

  @Test
  void theClerkSeesTheEntryAndTheDigitCountOnly() {
    untilPinStep();
    assertThat(model.pin().promptProperty().get()).isEqualTo(PinPad.Prompt.NEW_PIN);
    pad.typeDigitsOnly(4);
    assertThat(model.pin().digitsProperty().get()).isEqualTo(4);
    pad.type(NEW_PIN);
    assertThat(model.pin().entryProperty().get()).isEqualTo(2);
    assertThat(model.pin().digitsProperty().get()).as("a new entry starts at 0").isZero();
    assertThat(model.pin().promptProperty().get()).isEqualTo(PinPad.Prompt.CONFIRM_NEW_PIN);
    pad.type(NEW_PIN);
    assertThat(model.pin().entryProperty().get()).isZero();
    assertThat(model.caseStateProperty().get()).contains(CaseState.PIN_CAPTURED);
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "case_cancelled");
  }

  @Test
  void aBirthDatePinIsRefusedWithTheReason() {
    untilPinStep();
    pad.type("860412");
    assertThat(notice()).isEqualTo("不能使用出生日期（任何写法）。请选与生日无关的数字。");
    assertThat(model.pin().entryProperty().get()).isEqualTo(1);
    assertThat(pad.showing()).isTrue();
    assertThat(pad.lastRequest().reasonKey()).contains("pin.weak.birth_date");
    captureNewPin(NEW_PIN);
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "pin_captured", "case_cancelled");
  }

  @Test
  void twoDifferentPinsStartTheEntryAgain() {
    untilPinStep();
    pad.type(NEW_PIN);
    assertThat(model.pin().entryProperty().get()).isEqualTo(2);
    pad.type(OTHER_PIN);
    assertThat(notice()).isEqualTo("两次输入的密码不一致，请重新输入。");
    assertThat(model.pin().entryProperty().get()).isEqualTo(1);
    assertThat(pad.lastRequest())
        .isEqualTo(
            new ScriptedPinPad.Request(PinPad.Prompt.NEW_PIN, Optional.of("pin.entry.mismatch")));
    assertThat(model.caseStateProperty().get()).contains(CaseState.IDENTITY_BOUND);
    assertThat(pad.handedOut()).as("both entries wiped").allMatch(p -> p.isWiped());
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "case_cancelled");
  }

  @Test
  void aNewPinFromThePhoneNumberOrTheBankAccountTypedAtTheIdStepIsRefused() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openCase(ServiceKind.RESET, HolderKind.IN_PERSON);
    enterId(model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    model.holderPhoneProperty().set("139-0751-8264 ");
    model.holderBankAccountProperty().set("6217 0000 1234 5704 913");
    checkIds();
    readAndBind();
    toPinStep();
    pad.type("518264");
    assertThat(notice()).isEqualTo("不能使用手机号码中的数字（如后 6 位）。请选与电话号码无关的数字。");
    pad.type("704913");
    assertThat(notice()).isEqualTo("不能使用银行账号的后 6 位。请选与账号无关的数字。");
    cancel();
    assertThat(model.holderPhoneProperty().get()).as("forgotten with the case").isEmpty();
    assertThat(model.holderBankAccountProperty().get()).as("forgotten with the case").isEmpty();
    expectedSteps =
        steps(
            UNTIL_BOUND,
            "pin_captured", // refused: the phone number's digits
            "pin_captured", // refused: the bank account's tail
            "case_cancelled");
  }

  @Test
  void anUnfinishedPinEntryTimesOutAndCanBeStartedAgain() {
    untilPinStep();
    pad.typeDigitsOnly(2);
    pad.timeOut();
    assertThat(notice()).isEqualTo("客户密码键盘输入超时，请重新开始输入。");
    assertThat(pad.showing()).isFalse();
    assertThat(model.pin().entryProperty().get()).isZero();
    assertThat(model.caseStateProperty().get()).contains(CaseState.IDENTITY_BOUND);
    assertThat(model.canGoNextBinding().get()).isFalse();
    model.pin().start(); // "Enter again"
    assertThat(model.pin().entryProperty().get()).isEqualTo(1);
    assertThat(pad.showing()).isTrue();
    captureNewPin(NEW_PIN);
    cancel();
    expectedSteps =
        steps(
            UNTIL_BOUND,
            "pin_captured", // refused: pin_pad_timeout
            "pin_captured",
            "case_cancelled");
  }

  @Test
  void aSecondEntryThatTimesOutWipesTheFirst() {
    untilPinStep();
    pad.type(NEW_PIN);
    pad.timeOut();
    assertThat(notice()).isEqualTo("客户密码键盘输入超时，请重新开始输入。");
    assertThat(pad.handedOut()).as("the first entry").allMatch(p -> p.isWiped());
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "case_cancelled");
  }

  @Test
  void aPinTheJournalCouldNotRecordAsCapturedIsWiped() {
    untilPinStep();
    pad.type(NEW_PIN);
    journalBroken.set(true);
    pad.type(NEW_PIN);
    assertThat(notice()).isEqualTo("审计日志无法写入，业务已暂停（未记录的步骤不会执行）。");
    assertThat(model.caseStateProperty().get()).contains(CaseState.IDENTITY_BOUND);
    assertThat(pad.handedOut()).as("both entries wiped").hasSize(2).allMatch(p -> p.isWiped());
    journalBroken.set(false);
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void aCitizenWhoCancelsOnThePadIsNotJournaled() {
    untilPinStep();
    pad.cancel();
    assertThat(notice()).isEqualTo("持卡人取消了输入。");
    assertThat(model.pin().entryProperty().get()).isZero();
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void aChangeOfTheInitialPinAsksForTheCurrentPinFirst() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openCase(ServiceKind.CHANGE_INITIAL, HolderKind.IN_PERSON);
    enterId(model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    checkIds();
    readAndBind();
    model.next();
    assertThat(pad.lastRequest().prompt()).isEqualTo(PinPad.Prompt.OLD_PIN);
    assertThat(model.pin().promptProperty().get()).isEqualTo(PinPad.Prompt.OLD_PIN);
    assertThat(model.pin().entryProperty().get()).isEqualTo(1);
    pad.type("123456");
    assertThat(pad.lastRequest().prompt()).isEqualTo(PinPad.Prompt.NEW_PIN);
    assertThat(model.pin().promptProperty().get()).isEqualTo(PinPad.Prompt.NEW_PIN);
    captureNewPin(NEW_PIN);
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "case_cancelled");
  }

  private void untilPinStep() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    toPinStep();
  }
}
