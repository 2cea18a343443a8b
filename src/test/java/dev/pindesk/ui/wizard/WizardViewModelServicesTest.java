package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.PinState;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.ports.PinPad;
import dev.pindesk.testing.TrainingCards;
import org.junit.jupiter.api.Test;

/**
 * Each service of the counter, for the holder in person and for an agent, from the service choice
 * to the closed case, on training cards that require external authentication before a reset: the
 * card ends up with the citizen's new PIN.
 */
class WizardViewModelServicesTest extends WizardModelFixture {

  @Test
  void theHolderResetsAForgottenPin() {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    serve(ServiceKind.RESET, HolderKind.IN_PERSON);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void anAgentResetsTheHoldersForgottenPin() {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    serve(ServiceKind.RESET, HolderKind.AGENT);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void theHolderResetsThePinOfACardThatOpensItsHolderFileOnlyAfterAuthentication() {
    VirtualSscCard card =
        insert(
            TrainingCards.variant(
                TrainingCards.GEN3_SM4, t -> t.put("ef06NeedsAuthentication", true)));
    serve(ServiceKind.RESET, HolderKind.IN_PERSON);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void theHolderUnlocksABlockedPin() {
    VirtualSscCard card = insert(WizardViewModelFailuresTest.blockedCard());
    serve(ServiceKind.UNLOCK, HolderKind.IN_PERSON);
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void anAgentUnlocksTheHoldersBlockedPin() {
    VirtualSscCard card = insert(WizardViewModelFailuresTest.blockedCard());
    serve(ServiceKind.UNLOCK, HolderKind.AGENT);
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void theHolderChangesTheInitialPin() {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    serve(ServiceKind.CHANGE_INITIAL, HolderKind.IN_PERSON);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
    assertThat(card.isCurrentPin("123456".toCharArray())).isFalse();
  }

  @Test
  void anAgentChangesTheHoldersInitialPin() {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    serve(ServiceKind.CHANGE_INITIAL, HolderKind.AGENT);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  private void serve(ServiceKind service, HolderKind holder) {
    openCase(service, holder);
    enterId(model.holderIdForm(), HOLDER_ID, HOLDER_NAME);
    if (holder == HolderKind.AGENT) {
      enterId(model.agentIdForm(), AGENT_ID, AGENT_NAME);
    }
    checkIds();
    readAndBind();
    model.next();
    if (service == ServiceKind.CHANGE_INITIAL) {
      // The pad first asks for the card's current PIN.
      assertThat(pad.lastRequest().prompt()).isEqualTo(PinPad.Prompt.OLD_PIN);
      pad.type("123456");
    }
    assertThat(pad.lastRequest().prompt()).isEqualTo(PinPad.Prompt.NEW_PIN);
    captureNewPin(NEW_PIN);
    writeAndConfirm();
    // Unlock: the card's reset refuses a blocked PIN, so the unblock ran before it.
    assertThat(notice())
        .isEqualTo(service == ServiceKind.UNLOCK ? "密码的尝试次数已恢复，新密码已写入卡片。" : "新密码已写入卡片。");
    closeCase();
    expectedSteps = CLEAN_CASE;
  }
}
