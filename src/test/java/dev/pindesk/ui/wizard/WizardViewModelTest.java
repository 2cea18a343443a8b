package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.ports.PinPad;
import dev.pindesk.testing.TrainingCards;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The wizard's steps and their guards, as plain unit tests of its view model: what Next, Back,
 * Cancel and the step buttons do, when they may, and what the journal holds afterwards.
 */
class WizardViewModelTest extends WizardModelFixture {

  @Test
  void aHolderResetsAForgottenPinStepByStep() throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    toPinStep();
    pad.type("123456");
    assertThat(notice()).isEqualTo("不能使用初始密码（如 123456）。请另选一组只有您知道的数字。");
    assertThat(pad.lastRequest())
        .isEqualTo(
            new ScriptedPinPad.Request(PinPad.Prompt.NEW_PIN, Optional.of("pin.weak.initial_pin")));
    captureNewPin(NEW_PIN);
    assertThat(notice()).isEqualTo("新密码已确认，可以写卡。");
    writeAndConfirm();
    assertThat(notice()).isEqualTo("新密码已写入卡片。");
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.RECEIPT);
    if (java.awt.print.PrinterJob.lookupPrintServices().length == 0) {
      model.receipt().print();
      assertThat(model.noticeProperty().get().map(Notice::key)).contains("receipt.no_printer");
    }
    model.receipt().save();
    Path receipt = model.receipt().savedProperty().get().orElseThrow();
    assertThat(receipt).exists().hasFileName(model.caseIdProperty().get() + ".pdf");
    assertThat(new String(Files.readAllBytes(receipt), StandardCharsets.ISO_8859_1))
        .doesNotContain(HOLDER_ID)
        .doesNotContain(NEW_PIN);
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.SERVICE);
    assertStartedOver();
    expectedSteps =
        steps(UNTIL_BOUND, "pin_captured", "pin_captured", "pin_written", "case_closed");
  }

  @Test
  void theIdStepGoesOnOnlyWithTheHoldersIdCompleteAndForAnAgentTheAgentsToo() {
    openCase(ServiceKind.RESET, HolderKind.AGENT);
    assertThat(model.canGoNextBinding().get()).isFalse();
    model.next(); // Enter on an incomplete form does nothing
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.ID);
    enterId(model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    assertThat(model.canGoNextBinding().get()).as("the agent's ID is missing").isFalse();
    enterId(model.agentIdForm(), AGENT_ID, AGENT_NAME);
    assertThat(model.canGoNextBinding().get()).isTrue();
    checkIds();
    cancel();
    expectedSteps = List.of("case_opened", "id_checked", "case_cancelled");
  }

  @Test
  void backFromTheIdStepCancelsTheOpenedCaseAndKeepsTheChoices() {
    openCase(ServiceKind.UNLOCK, HolderKind.AGENT);
    assertThat(model.canGoBackBinding().get()).isTrue();
    model.back();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.SERVICE);
    assertThat(model.serviceProperty().get()).isEqualTo(ServiceKind.UNLOCK);
    assertThat(model.holderProperty().get()).isEqualTo(HolderKind.AGENT);
    assertThat(model.canGoBackBinding().get()).isFalse();
    expectedSteps = List.of("case_opened", "case_cancelled");
  }

  @Test
  void nothingMovesWhileAStepRuns() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    executor.hold();
    model.readCard();
    assertThat(model.busyProperty().get()).isTrue();
    assertThat(model.canGoNextBinding().get()).isFalse();
    assertThat(model.canGoBackBinding().get()).isFalse();
    executor.release();
    assertThat(model.busyProperty().get()).isFalse();
    assertThat(model.canGoNextBinding().get()).isTrue();
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void aCardOfSomeoneElseDoesNotBindAndTheCaseIsCancelled() {
    insert(TrainingCards.spec(TrainingCards.GEN2_TDES_T0));
    openResetAndCheckHolder();
    model.readCard();
    assertThat(issues()).contains("ssn_mismatch");
    assertThat(model.canGoNextBinding().get()).isFalse();
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void aReadWithoutCardSaysWhatToDo() {
    openResetAndCheckHolder();
    model.readCard();
    assertThat(notice()).isEqualTo("读卡器中没有卡片。");
    assertThat(noticeNext()).isEqualTo("请插入社保卡后重试。");
    cancel();
    expectedSteps = List.of("case_opened", "id_checked", "case_cancelled");
  }

  @Test
  void aWrittenCaseCannotBeCancelledOnlyClosed() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    assertThat(model.canCancelBinding().get()).as("before the write").isTrue();
    writeNewPin();
    assertThat(model.canCancelBinding().get()).as("after the write").isFalse();
    model.cancelCase(); // Alt+X reaches the model even while the button is disabled
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.WRITE);
    assertThat(model.caseStateProperty().get()).contains(CaseState.WRITTEN);
    assertThat(model.noticeProperty().get().map(Notice::kind))
        .isNotEqualTo(Optional.of(Notice.Kind.ERROR));
    closeCase();
    expectedSteps = CLEAN_CASE;
  }

  @Test
  void theWriteCannotBeCancelledWhileItRuns() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    toPinStep();
    captureNewPin(NEW_PIN);
    model.next();
    executor.hold();
    model.write();
    assertThat(model.canCancelBinding().get()).isFalse();
    assertThat(model.canWriteBinding().get()).as("no second write meanwhile").isFalse();
    model.cancelCase();
    executor.release();
    assertThat(model.caseStateProperty().get()).contains(CaseState.WRITTEN);
    closeCase();
    expectedSteps = CLEAN_CASE;
  }

  @Test
  void cancellingAtTheIdStepStartsOver() {
    openCase(ServiceKind.RESET, HolderKind.IN_PERSON);
    enterId(model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    cancel();
    assertStartedOver();
    expectedSteps = List.of("case_opened", "case_cancelled");
  }

  @Test
  void cancellingAtTheCardStepStartsOver() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    cancel();
    assertStartedOver();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void cancellingDuringThePinEntryEndsTheEntry() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    toPinStep();
    pad.type(NEW_PIN); // the first entry is held while the second is asked for
    cancel();
    assertThat(pad.showing()).isFalse();
    assertThat(model.pin().entryProperty().get()).isZero();
    assertStartedOver();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void cancellingBeforeTheWriteLeavesTheCardAlone() {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    toPinStep();
    captureNewPin(NEW_PIN);
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.WRITE);
    cancel();
    assertStartedOver();
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "case_cancelled");
  }

  @Test
  void theCitizensPhoneAndBankAccountAreForgottenWithTheCase() {
    openCase(ServiceKind.RESET, HolderKind.IN_PERSON);
    model.holderPhoneProperty().set("139-0751-8264");
    model.holderBankAccountProperty().set("6217 0000 1234 5704 913");
    cancel();
    assertThat(model.holderPhoneProperty().get()).isEmpty();
    assertThat(model.holderBankAccountProperty().get()).isEmpty();
    expectedSteps = List.of("case_opened", "case_cancelled");
  }

  @Test
  void switchingTheLanguageGoesBetweenChineseAndEnglish() {
    model.switchLanguage();
    assertThat(model.messages().get().locale().getLanguage()).isEqualTo("en");
    assertThat(model.operatorTextBinding().get()).contains("培训操作员 Demo");
    model.switchLanguage();
    assertThat(model.messages().get().locale().getLanguage()).isEqualTo("zh");
  }

  private void assertStartedOver() {
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.SERVICE);
    assertThat(model.caseStateProperty().get()).isEmpty();
    assertThat(model.caseIdProperty().get()).isEmpty();
    assertThat(model.holderIdForm().numberProperty().get()).isEmpty();
    assertThat(model.noticeProperty().get()).isEmpty();
    assertThat(model.serviceProperty().get()).isEqualTo(ServiceKind.RESET);
    assertThat(model.holderProperty().get()).isEqualTo(HolderKind.IN_PERSON);
  }
}
