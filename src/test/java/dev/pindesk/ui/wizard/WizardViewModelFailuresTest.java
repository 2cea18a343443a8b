package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.virtualcard.CardKeys;
import dev.pindesk.adapters.virtualcard.PinState;
import dev.pindesk.adapters.virtualcard.TrainingCardKeys;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.reset.BindingIssue;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.testing.TrainingCards;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the clerk is told when something goes wrong: a translated notice saying what happened and
 * what to do, the case staying where it safely can, and every refused step in the journal.
 */
class WizardViewModelFailuresTest extends WizardModelFixture {

  /** The training card with its PIN blocked: no tries left. */
  static VirtualCardSpec blockedCard() {
    return TrainingCards.variant(
        TrainingCards.GEN3_SM4,
        t -> ((ObjectNode) t.get("pin")).put("state", "PIN_BLOCKED").put("triesLeft", 0));
  }

  @Test
  void readingWithoutAReaderSaysToConnectOne() {
    openResetAndCheckHolder();
    terminals.removeReader(READER);
    model.readCard();
    assertThat(notice()).isEqualTo("没有连接读卡器。");
    assertThat(noticeNext()).isEqualTo("请连接读卡器后重试。");
    assertThat(model.caseStateProperty().get()).contains(CaseState.ID_CHECKED);
    cancel();
    expectedSteps = List.of("case_opened", "id_checked", "case_cancelled");
  }

  @Test
  void readingWhileThePcscServiceIsDownSaysToStartIt() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    terminals.setServiceAvailable(false);
    model.readCard();
    assertThat(notice()).isEqualTo("无法连接智能卡服务（pcscd）。");
    assertThat(noticeNext()).startsWith("请确认智能卡服务已启动");
    assertThat(model.caseStateProperty().get()).contains(CaseState.ID_CHECKED);
    cancel();
    expectedSteps = List.of("case_opened", "id_checked", "case_cancelled");
  }

  @Test
  void aCardPulledOutDuringTheWriteIsInDoubtAndSettledByCheckingNotByWritingAgain() {
    // 17 APDUs read, 17 re-read by the swap guard, then SELECT and the GET CHALLENGE of the
    // external authentication: the card leaves before the reset reaches it, so the write's fate
    // is unknown to PinDesk.
    VirtualSscCard card =
        insert(
            TrainingCards.variant(
                TrainingCards.GEN3_SM4, t -> t.putObject("faults").put("removeAfterApdus", 36)));
    untilPinCaptured();
    model.next();
    model.write();
    assertThat(model.caseStateProperty().get()).contains(CaseState.IN_DOUBT);
    assertThat(notice()).startsWith("写卡结果不确定");
    assertThat(model.canWriteBinding().get()).as("no second write").isFalse();
    terminals.insert(READER, card); // the same card back
    model.resolveInDoubt(false);
    // The check (VERIFY with the new PIN) finds the old PIN: not written, so a new entry.
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.PIN);
    assertThat(pad.showing()).isTrue();
    assertThat(notice()).startsWith("未写入");
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
    captureNewPin(NEW_PIN);
    writeAndConfirm();
    assertThat(notice()).isEqualTo("新密码已写入卡片。");
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
    closeCase();
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
  void anotherCardInsertedBeforeTheWriteIsNotWrittenAndMustBeReadAgain() {
    VirtualSscCard original = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    untilPinCaptured();
    model.next();
    terminals.remove(READER);
    VirtualSscCard other = insert(TrainingCards.spec(TrainingCards.GEN2_TDES_T0));
    model.write();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.CARD);
    assertThat(notice()).isEqualTo("写卡前检测到卡片已更换：请重新插入原卡并重新读卡。");
    assertThat(model.caseStateProperty().get()).contains(CaseState.ID_CHECKED);
    assertThat(original.isCurrentPin(NEW_PIN.toCharArray())).isFalse();
    assertThat(other.isCurrentPin(NEW_PIN.toCharArray())).isFalse();
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "card_reread", "case_cancelled");
  }

  @Test
  void aKeyTheCardRefusesShowsTheKeysTriesNotAWrongPin() {
    VirtualCardSpec spec = TrainingCards.spec(TrainingCards.GEN3_SM4);
    VirtualSscCard card =
        VirtualSscCard.builder(spec).keys(withOtherAuthenticationKey(spec)).build();
    terminals.insert(READER, card);
    untilPinCaptured();
    model.next();
    model.write();
    assertThat(notice()).isEqualTo("卡片拒绝了安全模块的密钥，该密钥还剩 2 次尝试机会（这不是密码错误）。");
    assertThat(noticeNext()).contains("技术支持");
    assertThat(card.keyTriesLeft()).isEqualTo(2);
    assertThat(card.pinTriesLeft()).as("the PIN's tries are not touched").isEqualTo(3);
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "pin_captured", "pin_written", "case_cancelled");
  }

  @Test
  void anUnlockWhoseResetIsRefusedSaysTheTriesAreRestoredButTheNewPinIsNotSet() {
    VirtualCardSpec spec = blockedCard();
    VirtualSscCard card =
        VirtualSscCard.builder(spec).keys(withOtherAuthenticationKey(spec)).build();
    terminals.insert(READER, card);
    openCase(ServiceKind.UNLOCK, HolderKind.IN_PERSON);
    enterId(model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    checkIds();
    readAndBind();
    toPinStep();
    captureNewPin(NEW_PIN);
    model.next();
    model.write();
    assertThat(notice()).isEqualTo("卡片密码的尝试次数已恢复（原密码重新可用），但新密码没有写入。");
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(card.isCurrentPin("123456".toCharArray())).as("unblock keeps the PIN").isTrue();
    cancel();
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
  void aBlockedCardChosenForResetPointsToTheUnlockService() {
    insert(blockedCard());
    refusedBinding("pin_blocked_needs_unlock", "卡片密码已锁定：请改为办理“解锁密码”。");
  }

  @Test
  void aLockedCardCannotBeServed() {
    insert(
        TrainingCards.variant(
            TrainingCards.GEN3_SM4, t -> ((ObjectNode) t.get("pin")).put("state", "LOCKED")));
    refusedBinding("app_locked", "卡片应用已永久锁定，需要补换卡。");
  }

  @Test
  void anExpiredCardMustBeReplaced() {
    insert(
        TrainingCards.variant(
            TrainingCards.GEN3_SM4,
            t -> ((ObjectNode) t.get("card")).put("expiryDate", "2021-06-17")));
    refusedBinding("card_expired", "社保卡已过有效期，需要换卡。");
  }

  @Test
  void anUnwritableJournalPausesTheCase() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    journalBroken.set(true);
    model.readCard();
    assertThat(notice()).isEqualTo("审计日志无法写入，业务已暂停（未记录的步骤不会执行）。");
    assertThat(noticeNext()).startsWith("请检查磁盘空间和日志文件权限");
    assertThat(model.caseStateProperty().get()).contains(CaseState.ID_CHECKED);
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.CARD);
    assertThat(model.canGoNextBinding().get()).isFalse();
    journalBroken.set(false);
    readAndBind();
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  /** The card step shows {@code issue} in the clerk's words, and the case cannot go on. */
  private void refusedBinding(String issue, String text) {
    openResetAndCheckHolder();
    model.readCard();
    assertThat(issues()).contains(issue);
    BindingIssue shown =
        model.bindingProperty().get().orElseThrow().issues().stream()
            .filter(i -> i.wireName().equals(issue))
            .findFirst()
            .orElseThrow();
    assertThat(ZH.get(shown.messageKey())).isEqualTo(text);
    assertThat(model.canGoNextBinding().get()).isFalse();
    assertThat(model.caseStateProperty().get()).contains(CaseState.CARD_READ);
    cancel();
    expectedSteps = steps(UNTIL_BOUND, "case_cancelled");
  }

  private void untilPinCaptured() {
    openResetAndCheckHolder();
    readAndBind();
    toPinStep();
    captureNewPin(NEW_PIN);
  }
}
