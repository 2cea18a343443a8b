package dev.pindesk.service.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.Pin;
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

  @Test
  void withoutTheCurrentPinRefusesToTakeTheNewPinAndTouchesNoCard() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.CHANGE_INITIAL, HolderKind.IN_PERSON);
    Pin first = Counter.pin("385217");
    Pin second = Counter.pin("385217");

    assertThatThrownBy(() -> counter.service.checkFirstPin(first))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("current PIN");
    assertThatThrownBy(() -> counter.service.capturePin(Counter.pin("385217"), second))
        .isInstanceOf(IllegalStateException.class);

    assertThat(first.isWiped()).isTrue();
    assertThat(second.isWiped()).isTrue();
    assertThat(counter.state()).isEqualTo(CaseState.IDENTITY_BOUND);
    assertThat(counter.card.pinTriesLeft())
        .as("no VERIFY / CHANGE with a guessed PIN")
        .isEqualTo(3);
    assertThat(counter.cardHolds("123456")).isTrue();
  }

  @Test
  void takesTheCurrentPinAgainAfterTheNewOneWasCaptured() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.CHANGE_INITIAL, HolderKind.IN_PERSON);
    counter.service.captureOldPin(Counter.pin("604918"));
    counter.captured("385217");

    counter.service.captureOldPin(Counter.pin("123456")); // the citizen corrects it

    assertThat(counter.service.write().to()).isEqualTo(CaseState.WRITTEN);
    assertThat(counter.cardHolds("385217")).isTrue();
  }
}
