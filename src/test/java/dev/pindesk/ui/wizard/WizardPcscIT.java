package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.it.RealPcsc;
import dev.pindesk.it.VpcdCard;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.testing.TrainingCards;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The clerk wizard against the real PC/SC stack: pcscd with the virtual training card in the vpcd
 * reader. A whole reset, then the journal is verified as after every wizard test.
 */
class WizardPcscIT extends WizardFixture {
  private static final PcscTerminals PCSC = new PcscTerminals();

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(PCSC);
  }

  @Override
  CardTerminals cardTerminals() {
    return PCSC;
  }

  @Test
  void aHolderResetsAForgottenPinOnACardInARealReader(FxRobot robot) throws Exception {
    try (VpcdCard card = VpcdCard.insert(PCSC, TrainingCards.spec(TrainingCards.GEN3_SM4))) {
      openResetAndCheckHolder(robot);
      readAndBind(robot);
      writeNewPin(robot);
      waitFor(() -> noticeIs(robot, "新密码已写入卡片。"));
      closeCase(robot);
      assertThat(card.card().isCurrentPin(NEW_PIN.toCharArray())).isTrue();
    }
    expectedSteps = CLEAN_CASE;
  }
}
