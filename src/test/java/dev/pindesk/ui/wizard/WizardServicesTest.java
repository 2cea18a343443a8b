package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.PinState;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.testing.TrainingCards;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Each service of the counter, for the holder in person and for an agent, from the service choice
 * to the closed case, on training cards that require external authentication before a reset: the
 * card ends up with the citizen's new PIN.
 */
class WizardServicesTest extends WizardFixture {
  static final List<String> CLEAN_CASE =
      List.of(
          "case_opened",
          "id_checked",
          "card_read",
          "identity_bound",
          "pin_captured",
          "pin_written",
          "case_closed");

  /** The training card with its PIN blocked: no tries left. */
  static VirtualCardSpec blockedCard() {
    return TrainingCards.variant(
        TrainingCards.GEN3_SM4,
        t ->
            ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("pin"))
                .put("state", "PIN_BLOCKED")
                .put("triesLeft", 0));
  }

  @Test
  void theHolderResetsAForgottenPin(FxRobot robot) throws Exception {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    serve(robot, KeyCode.DIGIT1, false);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void anAgentResetsTheHoldersForgottenPin(FxRobot robot) throws Exception {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    serve(robot, KeyCode.DIGIT1, true);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void theHolderResetsThePinOfACardThatOpensItsHolderFileOnlyAfterAuthentication(FxRobot robot)
      throws Exception {
    VirtualSscCard card =
        insert(
            TrainingCards.variant(
                TrainingCards.GEN3_SM4, t -> t.put("ef06NeedsAuthentication", true)));
    serve(robot, KeyCode.DIGIT1, false);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void theHolderUnlocksABlockedPin(FxRobot robot) throws Exception {
    VirtualSscCard card = insert(blockedCard());
    serve(robot, KeyCode.DIGIT2, false);
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void anAgentUnlocksTheHoldersBlockedPin(FxRobot robot) throws Exception {
    VirtualSscCard card = insert(blockedCard());
    serve(robot, KeyCode.DIGIT2, true);
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void theHolderChangesTheInitialPin(FxRobot robot) throws Exception {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    serve(robot, KeyCode.DIGIT3, false);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
    assertThat(card.isCurrentPin("123456".toCharArray())).isFalse();
  }

  @Test
  void anAgentChangesTheHoldersInitialPin(FxRobot robot) throws Exception {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    serve(robot, KeyCode.DIGIT3, true);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  private void serve(FxRobot robot, KeyCode service, boolean byAgent) throws Exception {
    openCase(robot, service, byAgent ? KeyCode.A : KeyCode.H);
    enterId(robot, model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    if (byAgent) {
      enterId(robot, model.agentIdForm(), AGENT_ID, AGENT_NAME);
    }
    checkIds(robot);
    readAndBind(robot);
    toPinStep(robot);
    if (service == KeyCode.DIGIT3) {
      // Change initial PIN: the pad first asks for the card's current PIN.
      waitFor(() -> padPrompt(robot, "Please enter your current PIN"));
      // The clerk's dots name the current PIN, not a "first entry" of the new one.
      assertThat(robot.lookup("#pinProgress").queryAs(Label.class).getText()).isEqualTo("当前密码：0/6");
      assertThat(robot.lookup("#pinWaiting").queryAs(Label.class).getText()).contains("当前密码");
      typePin(robot, "123456");
      waitFor(() -> padPrompt(robot, "Please enter your new PIN"));
    }
    captureNewPin(robot, NEW_PIN);
    writeAndConfirm(robot);
    // Unlock: the card's reset refuses a blocked PIN, so the unblock ran before it.
    waitFor(
        () -> noticeIs(robot, service == KeyCode.DIGIT2 ? "密码的尝试次数已恢复，新密码已写入卡片。" : "新密码已写入卡片。"));
    closeCase(robot);
    expectedSteps = CLEAN_CASE;
  }

  private static boolean padPrompt(FxRobot robot, String english) {
    return robot.lookup("#promptEn").queryAll().stream()
        .anyMatch(n -> n.isVisible() && english.equals(((javafx.scene.control.Label) n).getText()));
  }
}
