package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.testing.TrainingCards;
import dev.pindesk.ui.common.DialogService;
import dev.pindesk.ui.common.RecordingDialogs;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Closing the counter window: nothing asked without a case; with one the clerk confirms (the safe
 * answer keeps the case) and the case is ended in the journal before PinDesk exits; while a step
 * runs the clerk is told to wait.
 */
class WindowClosingTest extends WizardModelFixture {
  private final RecordingDialogs dialogs = new RecordingDialogs();
  private final AtomicBoolean exited = new AtomicBoolean();

  @Test
  void withoutACaseTheWindowClosesWithoutAQuestion() {
    assertThat(model.closing().state()).isEqualTo(WindowClosing.State.NOTHING_OPEN);
    assertThat(model.closing().closeRequested(dialogs, () -> exited.set(true))).isFalse();
    assertThat(dialogs.questions()).isEmpty();
    assertThat(dialogs.notices()).isEmpty();
  }

  @Test
  void closingWithACaseOpenAsksAndTheSafeAnswerKeepsTheCase() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    assertThat(model.closing().state()).isEqualTo(WindowClosing.State.CASE_OPEN);

    assertThat(model.closing().closeRequested(dialogs.answer(false), () -> exited.set(true)))
        .as("the window stays")
        .isTrue();
    assertThat(dialogs.questions())
        .containsExactly(
            new DialogService.Confirmation(
                "closeConfirm",
                "关闭 PinDesk",
                "案件 " + model.caseIdProperty().get() + " 尚未办结。关闭 PinDesk 将取消该案件（记入日志）。",
                "关闭 PinDesk",
                "返回案件"));
    assertThat(exited).isFalse();
    assertThat(model.caseStateProperty().get()).isPresent();
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void closingTheWindowWithACaseOpenCancelsItInTheJournalBeforeExiting() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    toPinStep();

    assertThat(model.closing().closeRequested(dialogs.answer(true), () -> exited.set(true)))
        .isTrue();
    assertThat(exited).isTrue();
    assertThat(pad.showing()).as("the PIN pad is closed").isFalse();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void closingTheWindowOnceThePinIsWrittenEndsTheCase() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    writeNewPin();
    assertThat(model.closing().state()).isEqualTo(WindowClosing.State.CASE_WRITTEN);

    model.closing().closeRequested(dialogs.answer(true), () -> exited.set(true));
    assertThat(dialogs.questions().get(0).message())
        .isEqualTo(
            "新密码已写入卡片，案件 " + model.caseIdProperty().get() + " 尚未结束。关闭 PinDesk 将结束该案件，不再打印回执。");
    assertThat(exited).isTrue();
    expectedSteps = CLEAN_CASE;
  }

  @Test
  void whileAStepRunsTheClerkIsToldToWait() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    executor.hold();
    model.readCard();
    assertThat(model.closing().state()).isEqualTo(WindowClosing.State.BUSY);

    assertThat(model.closing().closeRequested(dialogs, () -> exited.set(true))).isTrue();
    assertThat(dialogs.questions()).isEmpty();
    assertThat(dialogs.notices())
        .containsExactly(
            new RecordingDialogs.Shown("关闭 PinDesk", "PinDesk 正在读写卡片或日志。请等待当前步骤完成后再关闭。"));
    executor.release();
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  @Test
  void aPinStepThatFinishesWhileTheClerkIsAskedIsJournaledBeforeTheCaseEnds() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    toPinStep();
    pad.type(NEW_PIN);
    // The citizen confirms on the pad while the question is on the clerk's screen: the session
    // runs its case steps one at a time, so the capture is journaled first, then the cancel.
    executor.hold();
    dialogs.answer(true).whileAsked(() -> pad.type(NEW_PIN));

    assertThat(model.closing().closeRequested(dialogs, () -> exited.set(true))).isTrue();
    assertThat(exited).as("the case is ended after the step under way").isFalse();
    executor.release();
    assertThat(exited).isTrue();
    assertThat(model.caseStateProperty().get()).contains(CaseState.CANCELLED);
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "case_cancelled");
  }
}
