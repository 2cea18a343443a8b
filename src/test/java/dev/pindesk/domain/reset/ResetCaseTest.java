package dev.pindesk.domain.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResetCaseTest {
  private final List<CaseTransition> journal = new ArrayList<>();

  private ResetCase open() {
    return ResetCase.open(
        "WS1-20250601-0000-0001",
        ServiceKind.RESET,
        HolderKind.IN_PERSON,
        "clerk7",
        Cases.CLOCK,
        journal::add);
  }

  private ResetCase boundCase() {
    ResetCase c = open();
    c.idChecked(CaseParties.inPerson(Cases.HOLDER));
    c.cardRead(Cases.card(CardPinStatus.triesLeft(3)));
    c.bound();
    return c;
  }

  @Test
  void runsTheHappyPathAndRecordsEveryTransition() {
    ResetCase c = boundCase();
    c.pinCaptured();
    c.written(CaseStep.WRITE);
    c.close();
    assertThat(journal)
        .extracting(CaseTransition::to)
        .containsExactly(
            CaseState.OPENED,
            CaseState.ID_CHECKED,
            CaseState.CARD_READ,
            CaseState.IDENTITY_BOUND,
            CaseState.PIN_CAPTURED,
            CaseState.WRITTEN,
            CaseState.CLOSED);
    assertThat(journal).isEqualTo(c.history());
    CaseTransition written = journal.get(5);
    assertThat(written.from()).isEqualTo(CaseState.PIN_CAPTURED);
    assertThat(written.step()).isEqualTo(CaseStep.WRITE);
    assertThat(written.maskedHolderId()).isEqualTo("110101********0243");
    assertThat(written.at()).isEqualTo(Cases.CLOCK.instant());
    assertThat(c.boundCard())
        .hasValueSatisfying(
            b -> assertThat(b.cardIdCode()).isEqualTo("110100D1560000050349B1A7C2E5F018"));
  }

  @Test
  void aPrintedReceiptIsRecordedWithoutLeavingWritten() {
    ResetCase c = boundCase();
    c.pinCaptured();
    c.written(CaseStep.WRITE);

    CaseTransition printed = c.receiptPrinted();

    assertThat(printed.step()).isEqualTo(CaseStep.PRINT_RECEIPT);
    assertThat(printed.from()).isEqualTo(CaseState.WRITTEN);
    assertThat(printed.to()).isEqualTo(CaseState.WRITTEN);
    assertThat(c.state()).isEqualTo(CaseState.WRITTEN);
    c.close();
    assertThat(c.state()).isEqualTo(CaseState.CLOSED);
  }

  @Test
  void aReceiptIsOnlyPrintedForAWrittenCase() {
    ResetCase c = boundCase();

    assertThatThrownBy(c::receiptPrinted)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IDENTITY_BOUND");
  }

  @Test
  void illegalTransitionsNameBothStates() {
    ResetCase c = open();
    assertThatThrownBy(c::pinCaptured)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OPENED")
        .hasMessageContaining("PIN_CAPTURED");
    assertThat(c.state()).isEqualTo(CaseState.OPENED);
  }

  @Test
  void aSinkThatFailsLeavesTheCaseWhereItWas() {
    List<CaseTransition> kept = new ArrayList<>();
    ResetCase c =
        ResetCase.open(
            "X-1",
            ServiceKind.RESET,
            HolderKind.IN_PERSON,
            "clerk7",
            Cases.CLOCK,
            t -> {
              if (t.to() == CaseState.ID_CHECKED) {
                throw new IllegalStateException("journal full");
              }
              kept.add(t);
            });
    assertThatThrownBy(() -> c.idChecked(CaseParties.inPerson(Cases.HOLDER)))
        .hasMessage("journal full");
    assertThat(c.state()).isEqualTo(CaseState.OPENED);
    assertThat(c.history()).hasSize(1);
  }

  @Test
  void inDoubtResolvesToWrittenOrBackToBound() {
    ResetCase c = boundCase();
    c.pinCaptured();
    c.inDoubt(CardErrorCode.CARD_REMOVED);
    assertThat(c.state()).isEqualTo(CaseState.IN_DOUBT);
    c.notWritten(CaseStep.RESOLVE_IN_DOUBT, CaseError.card(CardErrorCode.PIN_WRONG));
    assertThat(c.state()).isEqualTo(CaseState.IDENTITY_BOUND);
    c.pinCaptured();
    c.inDoubt(CardErrorCode.CARD_MUTE);
    c.written(CaseStep.RESOLVE_IN_DOUBT);
    assertThat(c.state()).isEqualTo(CaseState.WRITTEN);
  }

  @Test
  void aSwappedCardSendsTheCaseBackToReading() {
    ResetCase c = boundCase();
    c.pinCaptured();
    CaseTransition t = c.cardSwapped();
    assertThat(t.errorCode()).isEqualTo("card_swapped");
    assertThat(c.state()).isEqualTo(CaseState.ID_CHECKED);
    assertThat(c.boundCard()).isEmpty();
  }

  @Test
  void refusedStepsAreRecordedWithoutMoving() {
    ResetCase c = open();
    c.idChecked(CaseParties.inPerson(Cases.HOLDER));
    CaseTransition t = c.refused(CaseStep.READ_CARD, CaseError.card(CardErrorCode.NO_CARD));
    assertThat(t.from()).isEqualTo(t.to()).isEqualTo(CaseState.ID_CHECKED);
    assertThat(t.outcome()).isEqualTo(CaseOutcome.REFUSED);
  }

  @Test
  void aSnapshotSaysWhatTheCaseAllowsAndWhyTheLastStepFailed() {
    ResetCase c = open();
    c.idChecked(CaseParties.inPerson(Cases.HOLDER));
    c.refused(CaseStep.READ_CARD, CaseError.card(CardErrorCode.NO_CARD));

    CaseSnapshot snapshot = c.snapshot();

    assertThat(snapshot.state()).isEqualTo(CaseState.ID_CHECKED);
    assertThat(snapshot.allowed()).containsExactlyInAnyOrder(CaseStep.READ_CARD, CaseStep.CANCEL);
    assertThat(snapshot.lastError()).contains(CaseError.card(CardErrorCode.NO_CARD));
    assertThat(snapshot.toString()).doesNotContain(Cases.HOLDER.id().value());
  }

  @Test
  void refusesAStepItsStateDoesNotAllow() {
    ResetCase c = open();
    assertThat(c.allows(CaseStep.WRITE)).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.requireAllowed(CaseStep.WRITE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("case is OPENED: write not allowed");
  }

  @Test
  void allowsCancellingExactlyWhereTheStateIsCancellable() {
    for (int depth = 0; depth <= 5; depth++) {
      ResetCase c = open();
      advance(c, depth);
      assertThat(c.allows(CaseStep.CANCEL)).isEqualTo(c.state().isCancellable());
    }
    ResetCase written = open();
    advance(written, 4);
    written.written(CaseStep.WRITE);
    assertThat(written.allows(CaseStep.CANCEL)).isFalse();
    assertThat(written.snapshot().cancellable()).isFalse();
  }

  @Test
  void canBeCancelledInEveryOpenStateButWritten() {
    for (int depth = 0; depth <= 5; depth++) {
      ResetCase c = open();
      advance(c, depth);
      CaseState before = c.state();
      CaseTransition t = c.cancel(CancelReason.CITIZEN_WITHDREW);
      assertThat(t.from()).isEqualTo(before);
      assertThat(t.errorCode()).isEqualTo("citizen_withdrew");
      assertThat(c.state()).isEqualTo(CaseState.CANCELLED);
      assertThat(c.cancelReason()).hasValue(CancelReason.CITIZEN_WITHDREW);
      assertThatThrownBy(c::close).isInstanceOf(IllegalStateException.class);
    }
    ResetCase written = open();
    advance(written, 4);
    written.written(CaseStep.WRITE);
    assertThatThrownBy(() -> written.cancel(CancelReason.CLERK_ABORTED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WRITTEN");
  }

  /** 0 OPENED, 1 ID_CHECKED, 2 CARD_READ, 3 IDENTITY_BOUND, 4 PIN_CAPTURED, 5 IN_DOUBT. */
  private static void advance(ResetCase c, int depth) {
    if (depth >= 1) c.idChecked(CaseParties.inPerson(Cases.HOLDER));
    if (depth >= 2) c.cardRead(Cases.card(CardPinStatus.triesLeft(3)));
    if (depth >= 3) c.bound();
    if (depth >= 4) c.pinCaptured();
    if (depth >= 5) c.inDoubt(CardErrorCode.CARD_REMOVED);
  }

  @Test
  void theHolderKindOfTheIdsMustMatchTheCase() {
    ResetCase c = open();
    assertThatThrownBy(() -> c.idChecked(CaseParties.byAgent(Cases.HOLDER, Cases.AGENT)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agentCasesRecordTheAgentMasked() {
    ResetCase c =
        ResetCase.open(
            "X-2", ServiceKind.UNLOCK, HolderKind.AGENT, "clerk7", Cases.CLOCK, journal::add);
    CaseTransition t = c.idChecked(CaseParties.byAgent(Cases.HOLDER, Cases.AGENT));
    assertThat(t.maskedAgentId()).startsWith("110105").contains("********");
    assertThat(t.toString())
        .doesNotContain(Cases.AGENT_ID.value())
        .doesNotContain(Cases.HOLDER_ID.value());
  }
}
