package dev.pindesk.service.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.testing.TrainingCards;
import org.junit.jupiter.api.Test;

/** Changing the PIN knowing the old one, as the citizen types it on the PIN pad. */
class ChangeInitialPinTest {
  private final Counter counter = new Counter();

  @Test
  void changesThePinWithTheOldPinTheCitizenTyped() throws Exception {
    counter.insert(
        TrainingCards.variant(TrainingCards.GEN3_SM4, t -> t.with("pin").put("initial", "802417")));
    counter.bound(ServiceKind.CHANGE_INITIAL, HolderKind.IN_PERSON);
    counter.service.captureOldPin(Counter.pin("802417"));
    counter.captured("385217");
    assertThat(counter.service.write().to()).isEqualTo(CaseState.WRITTEN);
    assertThat(counter.cardHolds("385217")).isTrue();
  }

  @Test
  void aWrongOldPinWritesNothingAndCostsOneTry() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.CHANGE_INITIAL, HolderKind.IN_PERSON);
    counter.service.captureOldPin(Counter.pin("604918"));
    counter.captured("385217");
    assertThat(counter.service.write().to()).isEqualTo(CaseState.IDENTITY_BOUND);
    assertThat(counter.last().errorCode()).isEqualTo("pin_wrong");
    assertThat(counter.cardHolds("123456")).isTrue();
    assertThat(counter.card.pinTriesLeft()).isEqualTo(2);
  }
}
