package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.AnswerLosingTerminals;
import dev.pindesk.adapters.virtualcard.TappedTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.testing.TrainingCards;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The card applies the new PIN but its answer is lost (the reader reports the card gone): the case
 * is in doubt, and the clerk's check — a re-read and a VERIFY with the new PIN, never a second
 * write — finds the PIN written, so the case goes on to the receipt.
 */
class WizardViewModelInDoubtWrittenTest extends WizardModelFixture {
  private final AnswerLosingTerminals losing = new AnswerLosingTerminals(terminals);
  private final AtomicInteger writesSent = new AtomicInteger();

  @Override
  CardTerminals cardTerminals() {
    return new WriteCounting(losing, writesSent);
  }

  @Test
  void aWriteWhoseAnswerWasLostAfterTheCardAppliedItIsResolvedAsWritten() {
    VirtualSscCard card = insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    toPinStep();
    captureNewPin(NEW_PIN);
    model.next();
    losing.loseNextWrite(AnswerLosingTerminals.Loss.AFTER_CARD);

    model.write();
    assertThat(model.caseStateProperty().get()).contains(CaseState.IN_DOUBT);
    assertThat(notice()).startsWith("写卡结果不确定");
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).as("the card applied it").isTrue();
    assertThat(model.canWriteBinding().get()).as("no second write").isFalse();
    assertThat(writesSent).hasValue(1);

    model.resolveInDoubt(false);
    assertThat(model.caseStateProperty().get()).contains(CaseState.WRITTEN);
    assertThat(notice()).isEqualTo("新密码已写入卡片。");
    assertThat(writesSent).as("resolved by checking, not by writing again").hasValue(1);
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.WRITE);
    assertThat(model.canGoNextBinding().get()).isTrue();

    closeCase();
    assertThat(writesSent).hasValue(1);
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
    expectedSteps =
        steps(UNTIL_BOUND, "pin_captured", "in_doubt", "in_doubt_resolved", "case_closed");
  }

  /** Counts the PIN-writing commands (80/84 5E or 24) the wizard sends towards the card. */
  private static final class WriteCounting extends TappedTerminals {
    private final AtomicInteger writes;

    WriteCounting(CardTerminals delegate, AtomicInteger writes) {
      super(delegate);
      this.writes = writes;
    }

    @Override
    protected byte[] transmit(CardConnection card, byte[] command) throws CardException {
      if (isPinWrite(command)) {
        writes.incrementAndGet();
      }
      return card.transmit(command);
    }
  }
}
