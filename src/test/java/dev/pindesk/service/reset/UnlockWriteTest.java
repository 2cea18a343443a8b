package dev.pindesk.service.reset;

import static dev.pindesk.domain.reset.CaseState.IDENTITY_BOUND;
import static dev.pindesk.domain.reset.CaseState.IN_DOUBT;
import static dev.pindesk.domain.reset.CaseState.WRITTEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.AnswerLosingTerminals.Loss;
import dev.pindesk.adapters.virtualcard.CardKeys;
import dev.pindesk.adapters.virtualcard.PinState;
import dev.pindesk.adapters.virtualcard.TrainingCardKeys;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.reset.CaseOutcome;
import dev.pindesk.domain.reset.CaseStep;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.testing.TrainingCards;
import org.junit.jupiter.api.Test;

/**
 * The unlock service's write: unblock (counter only), then reset; what is journaled when the reset
 * fails after the unblock; and in-doubt answers settled without a blind second write.
 */
class UnlockWriteTest {
  private final Counter counter = new Counter();

  private static VirtualCardSpec blocked() {
    return TrainingCards.variant(
        TrainingCards.GEN3_SM4, t -> t.with("pin").put("state", "PIN_BLOCKED").put("triesLeft", 0));
  }

  @Test
  void unlockUnblocksThenResetsAndReportsBoth() throws Exception {
    VirtualSscCard card = counter.insert(blocked());
    counter.bound(ServiceKind.UNLOCK, HolderKind.IN_PERSON);
    counter.captured("385217");
    CaseTransition t = counter.service.write();
    assertThat(t.to()).isEqualTo(WRITTEN);
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(counter.cardHolds("385217")).isTrue();
    assertThat(counter.service.lastWrite().done())
        .containsExactlyInAnyOrder(PinWriter.Step.UNBLOCKED, PinWriter.Step.RESET);
    counter.service.close();
  }

  @Test
  void anUnlockWhoseResetIsRefusedJournalsThatOnlyTheTriesWereRestored() throws Exception {
    VirtualCardSpec spec = blocked();
    CardKeys training = TrainingCardKeys.forSpec(spec);
    CardKeys otherAuthKey =
        new CardKeys() {
          @Override
          public byte[] cryptogram(byte[] challenge) {
            return new TrainingCardKeys(
                    spec.algorithm(), spec.keyIndex(), "110100D15600000599A1B2C3D4E5F607")
                .cryptogram(challenge);
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
    VirtualSscCard card = VirtualSscCard.builder(spec).keys(otherAuthKey).build();
    counter.card = card;
    counter.cards.insert(Counter.READER, card);
    counter.bound(ServiceKind.UNLOCK, HolderKind.IN_PERSON);
    counter.captured("385217");

    CaseTransition t = counter.service.write();

    assertThat(t.to()).isEqualTo(IDENTITY_BOUND);
    assertThat(t.errorCode()).isEqualTo(CardErrorCode.CARD_KEY_REFUSED.wireName());
    CaseTransition before = counter.journal.get(counter.journal.size() - 2);
    assertThat(before.step()).isEqualTo(CaseStep.WRITE);
    assertThat(before.outcome()).isEqualTo(CaseOutcome.REFUSED);
    assertThat(before.errorCode()).isEqualTo("unblocked_pin_not_set");
    assertThat(counter.service.lastWrite().unblocked()).isTrue();
    assertThat(counter.service.lastWrite().pinSet()).isFalse();
    assertThat(counter.service.lastWrite().failure().orElseThrow().triesLeft()).hasValue(2);
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(counter.cardHolds("123456")).as("the unblock keeps the old PIN").isTrue();
  }

  @Test
  void aLostUnblockThatRanIsSettledByVerifyingAndTheUnlockIsWrittenAgainSafely() throws Exception {
    VirtualSscCard card = counter.insert(blocked());
    counter.bound(ServiceKind.UNLOCK, HolderKind.IN_PERSON);
    counter.captured("385217");
    counter.terminals.loseNextWrite(Loss.AFTER_CARD);
    assertThat(counter.service.write().to()).isEqualTo(IN_DOUBT);
    // The unblock ran, the reset was never sent: the tries are back, the new PIN is not there.
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    CaseTransition resolved = counter.service.resolveInDoubt();
    assertThat(resolved.to()).isEqualTo(IDENTITY_BOUND);
    assertThat(resolved.errorCode()).isEqualTo("pin_wrong");
    assertThat(counter.cardHolds("123456")).isTrue();
    counter.captured("729164");
    assertThat(counter.service.write().to()).isEqualTo(WRITTEN);
    assertThat(counter.cardHolds("729164")).isTrue();
    counter.service.close();
  }
}
