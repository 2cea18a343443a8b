package dev.pindesk.service.reset;

import static dev.pindesk.domain.reset.CaseState.CARD_READ;
import static dev.pindesk.domain.reset.CaseState.CLOSED;
import static dev.pindesk.domain.reset.CaseState.IDENTITY_BOUND;
import static dev.pindesk.domain.reset.CaseState.ID_CHECKED;
import static dev.pindesk.domain.reset.CaseState.IN_DOUBT;
import static dev.pindesk.domain.reset.CaseState.OPENED;
import static dev.pindesk.domain.reset.CaseState.PIN_CAPTURED;
import static dev.pindesk.domain.reset.CaseState.WRITTEN;
import static dev.pindesk.testing.ScriptedNationalReader.Call.CHANGE;
import static dev.pindesk.testing.ScriptedNationalReader.Call.READ;
import static dev.pindesk.testing.ScriptedNationalReader.Call.RELOAD;
import static dev.pindesk.testing.ScriptedNationalReader.Call.UNBLOCK;
import static dev.pindesk.testing.ScriptedNationalReader.Call.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.PinState;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.domain.reset.PolicyNotApplied;
import dev.pindesk.testing.ScriptedNationalReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cases at a counter with a certified reader: the card read and written through the national
 * interface, every PIN typed on the reader's keypad — the same case steps as over PC/SC, with the
 * PIN capture journaled as {@code policy_not_applied: device_entry}.
 */
class CertifiedReaderCaseTest {
  private final ScriptedNationalReader reader = new ScriptedNationalReader();
  private final List<CaseTransition> journal = new ArrayList<>();
  private final ResetCaseService service =
      new ResetCaseService(
          new ResetCaseDevices(
              new InProcessCardTerminals(),
              new TrainingSecurityModule(),
              journal::add,
              Optional.of(reader)),
          CardProfiles.builtIn(),
          new ResetCaseConfig(AgentPolicy.everywhere(), true),
          new CaseIds("T1", Counter.CLOCK, new Random(3)),
          Counter.CLOCK);

  private void bound(ServiceKind kind) throws Exception {
    service.open(kind, HolderKind.IN_PERSON, "clerk7");
    service.checkId(CaseParties.inPerson(Counter.HOLDER));
    service.readCard("");
    assertThat(service.bind(false).canBind(false)).isTrue();
    assertThat(service.snapshot().orElseThrow().state()).isEqualTo(IDENTITY_BOUND);
  }

  private List<CaseState> states() {
    return journal.stream().map(CaseTransition::to).toList();
  }

  private CaseTransition last() {
    return journal.get(journal.size() - 1);
  }

  @Test
  void readsTheCardThroughTheInterfaceWithWhatItDoesNotGiveAbsentOrDerived() throws Exception {
    service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
    service.checkId(CaseParties.inPerson(Counter.HOLDER));
    CardSnapshot card = service.readCard("");
    assertThat(card.info().cardNumber()).isEqualTo("K31000001");
    assertThat(card.info().cardType()).isEmpty();
    assertThat(card.info().issuerOrg()).isEmpty();
    assertThat(card.holder().ethnicity()).isEmpty();
    assertThat(card.holder().birthDate()).isEqualTo(LocalDate.of(1986, 4, 12));
    assertThat(card.holder().sex()).isEqualTo("2");
    assertThat(card.pinState()).isEqualTo(PinState.UNKNOWN);
    assertThat(card.trainingCard()).isTrue();
    assertThat(reader.calls()).containsExactly(READ);
  }

  @Test
  void aResetRunsTheReloadWithTheEntryOnTheKeypadAndJournalsThatThePolicyDidNotRun()
      throws Exception {
    bound(ServiceKind.RESET);
    CaseTransition entry = service.pinEntryOnDevice();
    assertThat(entry.to()).isEqualTo(PIN_CAPTURED);
    assertThat(entry.policyNotApplied()).contains(PolicyNotApplied.DEVICE_ENTRY);
    assertThat(service.write().to()).isEqualTo(WRITTEN);
    service.close();
    assertThat(states())
        .containsExactly(
            OPENED, ID_CHECKED, CARD_READ, IDENTITY_BOUND, PIN_CAPTURED, WRITTEN, CLOSED);
    assertThat(reader.calls()).containsExactly(READ, READ, RELOAD);
    assertThat(journal.stream().filter(t -> t.policyNotApplied().isPresent())).hasSize(1);
  }

  @Test
  void anUnlockUnblocksThenReloadsBecauseAnUnblockKeepsTheOldPin() throws Exception {
    bound(ServiceKind.UNLOCK);
    service.pinEntryOnDevice();
    assertThat(service.write().to()).isEqualTo(WRITTEN);
    assertThat(reader.calls()).containsExactly(READ, READ, UNBLOCK, RELOAD);
    assertThat(service.lastWrite().done())
        .containsExactlyInAnyOrder(PinWriter.Step.UNBLOCKED, PinWriter.Step.RESET);
  }

  @Test
  void anUnlockWhoseReloadFailsSaysTheOldPinWorksAgain() throws Exception {
    bound(ServiceKind.UNLOCK);
    service.pinEntryOnDevice();
    reader.failNext(RELOAD, CardErrorCode.PIN_ENTRY_CANCELLED);
    assertThat(service.write().to()).isEqualTo(IDENTITY_BOUND);
    assertThat(journal.get(journal.size() - 2).errorCode()).isEqualTo("unblocked_pin_not_set");
    assertThat(last().errorCode()).isEqualTo("pin_entry_cancelled");
  }

  @Test
  void aChangeOfTheInitialPinRunsTheKeypadChange() throws Exception {
    bound(ServiceKind.CHANGE_INITIAL);
    service.pinEntryOnDevice();
    assertThat(service.write().to()).isEqualTo(WRITTEN);
    assertThat(reader.calls()).containsExactly(READ, READ, CHANGE);
  }

  @Test
  void aKeypadTimeOutLeavesTheCardUnwrittenAndTheEntryToStartAgain() throws Exception {
    bound(ServiceKind.RESET);
    service.pinEntryOnDevice();
    reader.failNext(RELOAD, CardErrorCode.PIN_ENTRY_TIMEOUT);
    CaseTransition t = service.write();
    assertThat(t.to()).isEqualTo(IDENTITY_BOUND);
    assertThat(t.errorCode()).isEqualTo("pin_entry_timeout");
    assertThat(service.pinEntryOnDevice().to()).isEqualTo(PIN_CAPTURED);
    assertThat(service.write().to()).isEqualTo(WRITTEN);
  }

  @Test
  void aWeakPinTheHsmPathHandsBackIsNotWritten() throws Exception {
    bound(ServiceKind.RESET);
    service.pinEntryOnDevice();
    reader.failNext(RELOAD, CardErrorCode.NEW_PIN_WEAK);
    assertThat(service.write().errorCode()).isEqualTo("new_pin_weak");
    assertThat(service.snapshot().orElseThrow().state()).isEqualTo(IDENTITY_BOUND);
  }

  @Test
  void anotherPersonsCardAtWriteTimeSendsTheCaseBackToReading() throws Exception {
    bound(ServiceKind.RESET);
    service.pinEntryOnDevice();
    reader.insert(ScriptedNationalReader.card("K31000002", Counter.AGENT.id().value()));
    CaseTransition t = service.write();
    assertThat(t.to()).isEqualTo(ID_CHECKED);
    assertThat(t.errorCode()).isEqualTo("card_swapped");
    assertThat(reader.calls()).doesNotContain(RELOAD);
  }

  @Test
  void aDeviceThatStopsAnsweringMidWriteLeavesTheCaseInDoubtSettledOnTheKeypad() throws Exception {
    bound(ServiceKind.RESET);
    service.pinEntryOnDevice();
    reader.failNext(RELOAD, CardErrorCode.DEVICE_NOT_RESPONDING);
    assertThat(service.write().to()).isEqualTo(IN_DOUBT);
    // The interface gives no try counter: checking may spend the last try, so only when allowed.
    CaseTransition undecided = service.resolveInDoubt(false);
    assertThat(undecided.to()).isEqualTo(IN_DOUBT);
    assertThat(undecided.errorCode()).isEqualTo("verify_risks_last_try");
    assertThat(reader.calls()).doesNotContain(VERIFY);
    assertThat(service.resolveInDoubt(true).to()).isEqualTo(WRITTEN);
    assertThat(reader.calls()).endsWith(READ, VERIFY);
  }

  @Test
  void anInDoubtWriteTheKeypadCheckRefutesIsNotWritten() throws Exception {
    bound(ServiceKind.RESET);
    service.pinEntryOnDevice();
    reader.failNext(RELOAD, CardErrorCode.DEVICE_NOT_RESPONDING);
    service.write();
    reader.failNext(VERIFY, CardErrorCode.PIN_WRONG);
    CaseTransition t = service.resolveInDoubt(true);
    assertThat(t.to()).isEqualTo(IDENTITY_BOUND);
    assertThat(t.errorCode()).isEqualTo("pin_wrong");
  }

  @Test
  void aReadFailureIsRefusedAndJournaled() throws Exception {
    service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
    service.checkId(CaseParties.inPerson(Counter.HOLDER));
    reader.failNext(READ, CardErrorCode.NO_CARD);
    assertThatThrownBy(() -> service.readCard(""))
        .isInstanceOf(dev.pindesk.domain.error.CardException.class);
    assertThat(last().errorCode()).isEqualTo("no_card");
    assertThat(last().to()).isEqualTo(ID_CHECKED);
  }

  @Test
  void noPinIsTakenFromAPadAtThisCounter() throws Exception {
    bound(ServiceKind.RESET);
    Pin typed = Counter.pin("385217");
    assertThatThrownBy(() -> service.checkFirstPin(typed))
        .isInstanceOf(IllegalStateException.class);
    assertThat(typed.isWiped()).isTrue();
    assertThat(service.onCertifiedReader()).isTrue();
  }
}
