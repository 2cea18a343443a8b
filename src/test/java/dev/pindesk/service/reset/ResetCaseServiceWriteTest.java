package dev.pindesk.service.reset;

import static dev.pindesk.domain.reset.CaseState.CANCELLED;
import static dev.pindesk.domain.reset.CaseState.IDENTITY_BOUND;
import static dev.pindesk.domain.reset.CaseState.ID_CHECKED;
import static dev.pindesk.domain.reset.CaseState.IN_DOUBT;
import static dev.pindesk.domain.reset.CaseState.WRITTEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.adapters.virtualcard.AnswerLosingTerminals.Loss;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.reset.CancelReason;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseStep;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.testing.TrainingCards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write step: card swaps, lost answers and their resolution, cancelling. */
class ResetCaseServiceWriteTest {
  private final Counter counter = new Counter();

  @AfterEach
  void noTransitionShowsAPin() {
    for (CaseTransition t : counter.journal) {
      for (String pin : Counter.PINS) {
        assertThat(t.toString()).doesNotContain(pin);
      }
    }
  }

  private void capturedOnTrainingCard(String spec) throws Exception {
    counter.insert(TrainingCards.spec(spec));
    counter.bound(ServiceKind.RESET, HolderKind.IN_PERSON);
    counter.captured("385217");
  }

  @Test
  void refusesToWriteWhenAnotherCardWasInsertedAfterBinding() throws Exception {
    capturedOnTrainingCard(TrainingCards.GEN3_SM4);
    counter.cards.remove(Counter.READER);
    // The same holder's replacement card: same SSN, another identification code.
    counter.insert(
        TrainingCards.variant(
            TrainingCards.GEN3_SM4,
            t -> t.with("card").put("cardIdCode", "110100D15600000599A1B2C3D4E5F607")));
    CaseTransition t = counter.service.write();
    assertThat(t.to()).isEqualTo(ID_CHECKED);
    assertThat(t.errorCode()).isEqualTo("card_swapped");
    assertThat(counter.cardHolds("123456")).isTrue();
  }

  @Test
  void aWriteWhoseAnswerIsLostIsInDoubtAndResolvedAsWrittenByVerifying() throws Exception {
    capturedOnTrainingCard(TrainingCards.GEN3_SM4);
    counter.terminals.loseNextWrite(Loss.AFTER_CARD);
    CaseTransition t = counter.service.write();
    assertThat(t.to()).isEqualTo(IN_DOUBT);
    assertThat(t.errorCode()).isEqualTo("card_removed");
    CaseTransition resolved = counter.service.resolveInDoubt();
    assertThat(resolved.to()).isEqualTo(WRITTEN);
    assertThat(resolved.step()).isEqualTo(CaseStep.RESOLVE_IN_DOUBT);
    assertThat(counter.cardHolds("385217")).isTrue();
    counter.service.close();
  }

  @Test
  void aWriteThatNeverReachedTheCardIsResolvedAsNotWritten() throws Exception {
    capturedOnTrainingCard(TrainingCards.GEN3_SM4);
    counter.terminals.loseNextWrite(Loss.BEFORE_CARD);
    assertThat(counter.service.write().to()).isEqualTo(IN_DOUBT);
    CaseTransition resolved = counter.service.resolveInDoubt();
    assertThat(resolved.to()).isEqualTo(IDENTITY_BOUND);
    assertThat(resolved.errorCode()).isEqualTo("pin_wrong");
    assertThat(counter.cardHolds("123456")).isTrue();
    // A new PIN is captured and written normally: no blind second write of the old one.
    counter.captured("729164");
    assertThat(counter.service.write().to()).isEqualTo(WRITTEN);
  }

  @Test
  void anUnlockThatNeverRanIsSeenFromTheStillBlockedPinWithoutVerifying() throws Exception {
    counter.insert(
        TrainingCards.variant(
            TrainingCards.GEN3_SM4,
            t -> t.with("pin").put("state", "PIN_BLOCKED").put("triesLeft", 0)));
    counter.bound(ServiceKind.UNLOCK, HolderKind.IN_PERSON);
    counter.captured("385217");
    counter.terminals.loseNextWrite(Loss.BEFORE_CARD);
    assertThat(counter.service.write().to()).isEqualTo(IN_DOUBT);
    CaseTransition resolved = counter.service.resolveInDoubt();
    assertThat(resolved.to()).isEqualTo(IDENTITY_BOUND);
    assertThat(resolved.errorCode()).isEqualTo("pin_blocked");
  }

  @Test
  void doesNotSpendTheLastTryUnlessTheClerkAllowsIt() throws Exception {
    counter.insert(
        TrainingCards.variant(TrainingCards.GEN3_SM4, t -> t.with("pin").put("triesLeft", 1)));
    counter.bound(ServiceKind.RESET, HolderKind.IN_PERSON);
    counter.captured("385217");
    counter.terminals.loseNextWrite(Loss.BEFORE_CARD);
    counter.service.write();
    CaseTransition undecided = counter.service.resolveInDoubt();
    assertThat(undecided.to()).isEqualTo(IN_DOUBT);
    assertThat(undecided.errorCode()).isEqualTo("verify_risks_last_try");
    assertThat(counter.card.pinTriesLeft()).isEqualTo(1);
    assertThat(counter.service.resolveInDoubt(true).to()).isEqualTo(IDENTITY_BOUND);
  }

  @Test
  void aCardRemovedBeforeTheWriteCommandLeavesThePinCapturedForARetry() throws Exception {
    capturedOnTrainingCard(TrainingCards.GEN3_SM4);
    counter.cards.remove(Counter.READER);
    CaseTransition t = counter.service.write();
    assertThat(t.to()).isEqualTo(CaseState.PIN_CAPTURED);
    assertThat(t.errorCode()).isEqualTo("no_card");
    counter.cards.insert(Counter.READER, counter.card);
    assertThat(counter.service.write().to()).isEqualTo(WRITTEN);
  }

  @Test
  void canBeCancelledAtEveryOpenStateAndForgetsThePin() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    for (int depth = 0; depth <= 5; depth++) {
      counter.service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
      advance(depth);
      CaseState before = counter.state();
      CaseTransition t = counter.service.cancel(CancelReason.CITIZEN_WITHDREW);
      assertThat(t.from()).isEqualTo(before);
      assertThat(t.to()).isEqualTo(CANCELLED);
      assertThat(t.errorCode()).isEqualTo("citizen_withdrew");
      assertThatThrownBy(counter.service::write).isInstanceOf(IllegalStateException.class);
    }
    assertThat(counter.cardHolds("123456")).isTrue();
  }

  /** 0 OPENED, 1 ID_CHECKED, 2 CARD_READ, 3 IDENTITY_BOUND, 4 PIN_CAPTURED, 5 IN_DOUBT. */
  private void advance(int depth) throws Exception {
    if (depth >= 1) counter.service.checkId(CaseParties.inPerson(Counter.HOLDER));
    if (depth >= 2) counter.service.readCard(Counter.READER);
    if (depth >= 3) counter.service.bind(false);
    if (depth >= 4) counter.captured("385217");
    if (depth >= 5) {
      counter.terminals.loseNextWrite(Loss.BEFORE_CARD);
      counter.service.write();
    }
    assertThat(counter.state().ordinal()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aSecondCaseCannotOpenWhileOneIsRunning() throws Exception {
    counter.service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
    assertThatThrownBy(() -> counter.service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "c"))
        .isInstanceOf(IllegalStateException.class);
  }
}
