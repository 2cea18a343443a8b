package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.virtualcard.CardKeys;
import dev.pindesk.adapters.virtualcard.PinState;
import dev.pindesk.adapters.virtualcard.TrainingCardKeys;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.testing.TrainingCards;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * What the clerk sees when something goes wrong: a translated notice saying what happened and what
 * to do, the case staying where it safely can, and every refused step in the journal.
 */
class WizardFailuresTest extends WizardFixture {
  private static final List<String> UNTIL_BOUND =
      List.of("case_opened", "id_checked", "card_read", "identity_bound");

  @Test
  void readingWithoutAReaderSaysToConnectOne(FxRobot robot) throws Exception {
    openResetAndCheckHolder(robot);
    terminals.removeReader(READER);
    robot.clickOn("#readCardButton");
    waitFor(() -> noticeIs(robot, "没有连接读卡器。"));
    assertThat(noticeNext(robot)).isEqualTo("请连接读卡器后重试。");
    assertThat(model.caseStateProperty().get()).contains(CaseState.ID_CHECKED);
    cancel(robot);
    expectedSteps = List.of("case_opened", "id_checked", "case_cancelled");
  }

  @Test
  void readingWhileThePcscServiceIsDownSaysToStartIt(FxRobot robot) throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder(robot);
    terminals.setServiceAvailable(false);
    robot.clickOn("#readCardButton");
    waitFor(() -> noticeIs(robot, "无法连接智能卡服务（pcscd）。"));
    assertThat(noticeNext(robot)).startsWith("请确认智能卡服务已启动");
    assertThat(model.caseStateProperty().get()).contains(CaseState.ID_CHECKED);
    cancel(robot);
    expectedSteps = List.of("case_opened", "id_checked", "case_cancelled");
  }

  @Test
  void aCardPulledOutDuringTheWriteIsInDoubtAndSettledByCheckingNotByWritingAgain(FxRobot robot)
      throws Exception {
    // 17 APDUs read, 17 re-read by the swap guard, then SELECT and the GET CHALLENGE of the
    // external authentication: the card leaves before the reset reaches it, so the write's fate
    // is unknown to PinDesk.
    VirtualSscCard card =
        insert(
            TrainingCards.variant(
                TrainingCards.GEN3_SM4, t -> t.putObject("faults").put("removeAfterApdus", 36)));
    untilPinCaptured(robot);
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.WRITE);
    robot.clickOn("#writeButton");
    waitFor(() -> model.caseStateProperty().get().equals(Optional.of(CaseState.IN_DOUBT)));
    waitFor(() -> noticeText(robot).startsWith("写卡结果不确定"));
    assertThat(robot.lookup("#writeButton").query().isDisabled()).as("no second write").isTrue();
    terminals.insert(READER, card); // the same card back
    robot.clickOn("#resolveButton");
    // The check (VERIFY with the new PIN) finds the old PIN: not written, so a new entry.
    waitFor(() -> model.stepProperty().get() == WizardStep.PIN && padShows(robot));
    assertThat(noticeText(robot)).startsWith("未写入");
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
    captureNewPin(robot, NEW_PIN);
    writeAndConfirm(robot);
    waitFor(() -> noticeIs(robot, "新密码已写入卡片。"));
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
    closeCase(robot);
    expectedSteps =
        steps(
            UNTIL_BOUND,
            "pin_captured",
            "in_doubt",
            "in_doubt_resolved",
            "pin_captured",
            "pin_written",
            "case_closed");
  }

  @Test
  void anotherCardInsertedBeforeTheWriteIsNotWrittenAndMustBeReadAgain(FxRobot robot)
      throws Exception {
    VirtualSscCard original = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    untilPinCaptured(robot);
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.WRITE);
    terminals.remove(READER);
    VirtualSscCard other = insert(TrainingCards.spec(TrainingCards.GEN2_TDES_T0));
    robot.clickOn("#writeButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.CARD);
    waitFor(() -> noticeIs(robot, "写卡前检测到卡片已更换：请重新插入原卡并重新读卡。"));
    assertThat(model.caseStateProperty().get()).contains(CaseState.ID_CHECKED);
    assertThat(original.isCurrentPin(NEW_PIN.toCharArray())).isFalse();
    assertThat(other.isCurrentPin(NEW_PIN.toCharArray())).isFalse();
    cancel(robot);
    expectedSteps =
        List.of(
            "case_opened",
            "id_checked",
            "card_read",
            "identity_bound",
            "pin_captured",
            "card_reread",
            "case_cancelled");
  }

  @Test
  void aKeyTheCardRefusesShowsTheKeysTriesNotAWrongPin(FxRobot robot) throws Exception {
    VirtualCardSpec spec = TrainingCards.spec(TrainingCards.GEN3_SM4);
    VirtualSscCard card =
        VirtualSscCard.builder(spec).keys(withOtherAuthenticationKey(spec)).build();
    terminals.insert(READER, card);
    untilPinCaptured(robot);
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.WRITE);
    robot.clickOn("#writeButton");
    waitFor(() -> noticeIs(robot, "卡片拒绝了安全模块的密钥，该密钥还剩 2 次尝试机会（这不是密码错误）。"));
    assertThat(noticeNext(robot)).contains("技术支持");
    assertThat(card.keyTriesLeft()).isEqualTo(2);
    assertThat(card.pinTriesLeft()).as("the PIN's tries are not touched").isEqualTo(3);
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
    cancel(robot);
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "pin_written", "case_cancelled");
  }

  @Test
  void anUnlockWhoseResetIsRefusedSaysTheTriesAreRestoredButTheNewPinIsNotSet(FxRobot robot)
      throws Exception {
    VirtualCardSpec spec = WizardServicesTest.blockedCard();
    VirtualSscCard card =
        VirtualSscCard.builder(spec).keys(withOtherAuthenticationKey(spec)).build();
    terminals.insert(READER, card);
    openCase(robot, KeyCode.DIGIT2, KeyCode.H);
    enterId(robot, model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    checkIds(robot);
    readAndBind(robot);
    toPinStep(robot);
    captureNewPin(robot, NEW_PIN);
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.WRITE);
    robot.clickOn("#writeButton");
    waitFor(() -> noticeIs(robot, "卡片密码的尝试次数已恢复（原密码重新可用），但新密码没有写入。"));
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(card.isCurrentPin("123456".toCharArray())).as("unblock keeps the PIN").isTrue();
    cancel(robot);
    expectedSteps =
        steps(UNTIL_BOUND, "pin_captured", "pin_written", "pin_written", "case_cancelled");
  }

  /** The training keys, but an external-authentication key the training module does not hold. */
  private static CardKeys withOtherAuthenticationKey(VirtualCardSpec spec) {
    CardKeys training = TrainingCardKeys.forSpec(spec);
    CardKeys other =
        new TrainingCardKeys(spec.algorithm(), spec.keyIndex(), "110100D15600000599A1B2C3D4E5F607");
    return new CardKeys() {
      @Override
      public byte[] cryptogram(byte[] challenge) {
        return other.cryptogram(challenge);
      }

      @Override
      public byte[] mac(KeyPurpose purpose, byte[] challenge, byte[] macInput) {
        return training.mac(purpose, challenge, macInput);
      }

      @Override
      public byte[] decipher(KeyPurpose purpose, byte[] field) {
        return training.decipher(purpose, field);
      }
    };
  }

  @Test
  void aBlockedCardChosenForResetPointsToTheUnlockService(FxRobot robot) throws Exception {
    insert(WizardServicesTest.blockedCard());
    refusedBinding(robot, "pin_blocked_needs_unlock", "卡片密码已锁定：请改为办理“解锁密码”。");
  }

  @Test
  void aLockedCardCannotBeServed(FxRobot robot) throws Exception {
    insert(
        TrainingCards.variant(
            TrainingCards.GEN3_SM4, t -> ((ObjectNode) t.get("pin")).put("state", "LOCKED")));
    refusedBinding(robot, "app_locked", "卡片应用已永久锁定，需要补换卡。");
  }

  @Test
  void anExpiredCardMustBeReplaced(FxRobot robot) throws Exception {
    insert(
        TrainingCards.variant(
            TrainingCards.GEN3_SM4,
            t -> ((ObjectNode) t.get("card")).put("expiryDate", "2021-06-17")));
    refusedBinding(robot, "card_expired", "社保卡已过有效期，需要换卡。");
  }

  @Test
  void aBirthDatePinIsRefusedWithTheReason(FxRobot robot) throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    untilPinStep(robot);
    typePin(robot, "860412");
    waitFor(() -> noticeIs(robot, "不能使用出生日期（任何写法）。请选与生日无关的数字。"));
    waitFor(() -> model.pin().entryProperty().get() == 1 && padShows(robot));
    captureNewPin(robot, NEW_PIN);
    cancel(robot);
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "pin_captured", "case_cancelled");
  }

  @Test
  void twoDifferentPinsStartTheEntryAgain(FxRobot robot) throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    untilPinStep(robot);
    typePin(robot, NEW_PIN);
    waitFor(() -> model.pin().entryProperty().get() == 2 && padShows(robot));
    typePin(robot, OTHER_PIN);
    waitFor(() -> noticeIs(robot, "两次输入的密码不一致，请重新输入。"));
    waitFor(() -> model.pin().entryProperty().get() == 1 && padShows(robot));
    assertThat(model.caseStateProperty().get()).contains(CaseState.IDENTITY_BOUND);
    cancel(robot);
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "case_cancelled");
  }

  @Test
  void anUnwritableJournalPausesTheCase(FxRobot robot) throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder(robot);
    journalBroken.set(true);
    robot.clickOn("#readCardButton");
    waitFor(() -> noticeIs(robot, "审计日志无法写入，业务已暂停（未记录的步骤不会执行）。"));
    assertThat(noticeNext(robot)).startsWith("请检查磁盘空间和日志文件权限");
    assertThat(model.caseStateProperty().get()).contains(CaseState.ID_CHECKED);
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.CARD);
    assertThat(model.canGoNextBinding().get()).isFalse();
    journalBroken.set(false);
    readAndBind(robot);
    cancel(robot);
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  private void refusedBinding(FxRobot robot, String issue, String text) throws Exception {
    openResetAndCheckHolder(robot);
    robot.clickOn("#readCardButton");
    waitFor(() -> robot.lookup("#issue-" + issue).tryQuery().isPresent());
    assertThat(robot.lookup("#issue-" + issue).queryAs(Label.class).getText()).isEqualTo(text);
    assertThat(model.canGoNextBinding().get()).isFalse();
    assertThat(model.caseStateProperty().get()).contains(CaseState.CARD_READ);
    cancel(robot);
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  private void untilPinStep(FxRobot robot) throws Exception {
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    toPinStep(robot);
  }

  private void untilPinCaptured(FxRobot robot) throws Exception {
    untilPinStep(robot);
    captureNewPin(robot, NEW_PIN);
  }

  static List<String> steps(List<String> first, String... then) {
    List<String> all = new java.util.ArrayList<>(first);
    all.addAll(List.of(then));
    return all;
  }
}
