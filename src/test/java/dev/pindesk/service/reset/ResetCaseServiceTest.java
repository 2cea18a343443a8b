package dev.pindesk.service.reset;

import static dev.pindesk.domain.reset.CaseState.CARD_READ;
import static dev.pindesk.domain.reset.CaseState.CLOSED;
import static dev.pindesk.domain.reset.CaseState.IDENTITY_BOUND;
import static dev.pindesk.domain.reset.CaseState.ID_CHECKED;
import static dev.pindesk.domain.reset.CaseState.OPENED;
import static dev.pindesk.domain.reset.CaseState.PIN_CAPTURED;
import static dev.pindesk.domain.reset.CaseState.WRITTEN;
import static dev.pindesk.service.reset.Counter.pin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.pin.CitizenNumbers;
import dev.pindesk.domain.pin.PinEntryResult;
import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.domain.pin.WeakPinReason;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.BindingIssue;
import dev.pindesk.domain.reset.BindingResult;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.testing.TrainingCards;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole cases at a training counter, from opening to closing, and the refusals on the way. */
class ResetCaseServiceTest {
  private final Counter counter = new Counter();

  @AfterEach
  void noTransitionShowsAPinOrAFullIdNumber() {
    for (CaseTransition t : counter.journal) {
      for (String pin : Counter.PINS) {
        assertThat(t.toString()).doesNotContain(pin);
      }
      assertThat(t.toString())
          .doesNotContain(Counter.HOLDER.id().value())
          .doesNotContain(Counter.AGENT.id().value())
          .doesNotContain(Counter.HOLDER.name());
    }
  }

  @Test
  void resetsAForgottenPinForTheHolderInPerson() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.RESET, HolderKind.IN_PERSON);
    counter.captured("385217");
    assertThat(counter.service.write().to()).isEqualTo(WRITTEN);
    counter.service.close();
    assertThat(counter.cardHolds("385217")).isTrue();
    assertThat(counter.states())
        .containsExactly(
            OPENED, ID_CHECKED, CARD_READ, IDENTITY_BOUND, PIN_CAPTURED, WRITTEN, CLOSED);
    assertThat(counter.journal).allSatisfy(t -> assertThat(t.caseId()).startsWith("T1-20250601-"));
  }

  @Test
  void resetsForAnAgentAndRecordsBothIdsMasked() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.RESET, HolderKind.AGENT);
    counter.captured("385217");
    assertThat(counter.service.write().to()).isEqualTo(WRITTEN);
    assertThat(counter.last().maskedHolderId()).isEqualTo("110101********0243");
    assertThat(counter.last().maskedAgentId()).startsWith("110105********");
  }

  @Test
  void refusesAnAgentWhereTheRegionDoesNotAllowOne() throws Exception {
    Counter strict = new Counter(AgentPolicy.nowhere());
    strict.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    strict.service.open(ServiceKind.RESET, HolderKind.AGENT, "clerk7");
    strict.service.checkId(CaseParties.byAgent(Counter.HOLDER, Counter.AGENT));
    strict.service.readCard(Counter.READER);
    assertThat(strict.service.bind(true).blocking())
        .containsExactly(BindingIssue.AGENT_NOT_ALLOWED);
    assertThat(strict.last().errorCode()).isEqualTo("agent_not_allowed");
  }

  @Test
  void unlocksABlockedPinWithANewOne() throws Exception {
    counter.insert(
        TrainingCards.variant(
            TrainingCards.GEN3_SM4,
            t -> t.with("pin").put("state", "PIN_BLOCKED").put("triesLeft", 0)));
    counter.bound(ServiceKind.UNLOCK, HolderKind.IN_PERSON);
    counter.captured("729164");
    assertThat(counter.service.write().to()).isEqualTo(WRITTEN);
    assertThat(counter.cardHolds("729164")).isTrue();
    assertThat(counter.card.pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void changesTheInitialPin() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.CHANGE_INITIAL, HolderKind.AGENT);
    counter.service.captureOldPin(Counter.pin("123456"));
    counter.captured("604918");
    assertThat(counter.service.write().to()).isEqualTo(WRITTEN);
    assertThat(counter.cardHolds("604918")).isTrue();
  }

  @Test
  void refusesTheCardOfSomeoneElse() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN2_TDES_T0));
    BindingResult r = readAndBind(ServiceKind.RESET);
    assertThat(r.blocking()).contains(BindingIssue.SSN_MISMATCH);
    assertThat(counter.state()).isEqualTo(CARD_READ);
    assertThat(counter.last().errorCode()).isEqualTo("ssn_mismatch");
    assertThat(counter.last().from()).isEqualTo(CARD_READ);
  }

  @Test
  void refusesAnExpiredCard() throws Exception {
    counter.insert(
        TrainingCards.variant(
            TrainingCards.GEN3_SM4, t -> t.with("card").put("expiryDate", "2024-12-31")));
    assertThat(readAndBind(ServiceKind.RESET).blocking())
        .containsExactly(BindingIssue.CARD_EXPIRED);
    assertThat(counter.last().errorCode()).isEqualTo("card_expired");
  }

  @Test
  void resetOnABlockedCardIsRefusedWithUnlockSuggested() throws Exception {
    counter.insert(
        TrainingCards.variant(
            TrainingCards.GEN3_SM4,
            t -> t.with("pin").put("state", "PIN_BLOCKED").put("triesLeft", 0)));
    BindingResult r = readAndBind(ServiceKind.RESET);
    assertThat(r.blocking()).containsExactly(BindingIssue.PIN_BLOCKED_NEEDS_UNLOCK);
    assertThat(r.suggestedService()).contains(ServiceKind.UNLOCK);
    assertThat(counter.state()).isEqualTo(CARD_READ);
  }

  @Test
  void aWeakPinIsRefusedBeforeTheSecondEntry() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.RESET, HolderKind.IN_PERSON);
    Pin birthday = pin("860412");
    PinEntryResult r = counter.service.checkFirstPin(birthday);
    assertThat(((PinEntryResult.Weak) r).reason()).isEqualTo(WeakPinReason.BIRTH_DATE);
    assertThat(birthday.isWiped()).isTrue();
    assertThat(counter.last().errorCode()).isEqualTo("weak_pin");
    assertThat(counter.state()).isEqualTo(IDENTITY_BOUND);
  }

  @Test
  void aPinFromThePhoneNumberTheClerkTypedIsRefusedAndThePhoneIsNotJournaled() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
    counter.service.checkId(
        CaseParties.inPerson(Counter.HOLDER), CitizenNumbers.typed("139 0751 8264", ""));
    counter.service.readCard(Counter.READER);
    assertThat(counter.service.bind(false).canBind(false)).isTrue();
    PinEntryResult r = counter.service.checkFirstPin(pin("518264"));
    assertThat(((PinEntryResult.Weak) r).reason()).isEqualTo(WeakPinReason.PHONE_NUMBER);
    assertThat(counter.journal.toString()).doesNotContain("8264").doesNotContain("0751");
  }

  @Test
  void aPinFromTheBankAccountTailIsRefusedAndTheAccountIsNotJournaled() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
    counter.service.checkId(
        CaseParties.inPerson(Counter.HOLDER), CitizenNumbers.typed(" ", "6217 0000 1234 5704 913"));
    counter.service.readCard(Counter.READER);
    assertThat(counter.service.bind(false).canBind(false)).isTrue();
    PinEntryResult r = counter.service.checkFirstPin(pin("704913"));
    assertThat(((PinEntryResult.Weak) r).reason()).isEqualTo(WeakPinReason.BANK_ACCOUNT_TAIL);
    assertThat(counter.journal.toString()).doesNotContain("704913").doesNotContain("5704");
  }

  @Test
  void theInitialPinOfTheCardsIssuingRegionIsRefused() throws Exception {
    PinPolicyProfile policy =
        new PinPolicyProfile(
            "test",
            List.of("123456"),
            3,
            List.of(),
            List.of(
                new PinPolicyProfile.Region("1101", List.of("802417"), OptionalInt.empty()),
                new PinPolicyProfile.Region("44", List.of("385217"), OptionalInt.empty())));
    Counter regional = new Counter(policy);
    regional.insert(TrainingCards.spec(TrainingCards.GEN3_SM4)); // issued in 110100
    regional.bound(ServiceKind.RESET, HolderKind.IN_PERSON);
    PinEntryResult r = regional.service.checkFirstPin(pin("802417"));
    assertThat(((PinEntryResult.Weak) r).reason()).isEqualTo(WeakPinReason.INITIAL_PIN);
    Pin other = pin("385217");
    assertThat(regional.service.checkFirstPin(other))
        .as("another region's initial PIN")
        .isInstanceOf(PinEntryResult.Accepted.class);
    other.close();
  }

  @Test
  void withoutAPhoneNumberItsDigitsAreAnOrdinaryPin() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.RESET, HolderKind.IN_PERSON);
    Pin first = pin("518264");
    assertThat(counter.service.checkFirstPin(first)).isInstanceOf(PinEntryResult.Accepted.class);
    first.close();
  }

  @Test
  void mismatchedEntriesRestartTheEntry() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.RESET, HolderKind.IN_PERSON);
    Pin first = pin("385217");
    Pin second = pin("385271");
    assertThat(counter.service.capturePin(first, second))
        .isInstanceOf(PinEntryResult.Mismatch.class);
    assertThat(List.of(first.isWiped(), second.isWiped())).containsOnly(true);
    assertThat(counter.last().errorCode()).isEqualTo("pin_mismatch");
    assertThat(counter.state()).isEqualTo(IDENTITY_BOUND);
    counter.captured("385217");
    assertThat(counter.state()).isEqualTo(PIN_CAPTURED);
  }

  @Test
  void aPinTheJournalCouldNotRecordAsCapturedIsWiped() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean broken =
        new java.util.concurrent.atomic.AtomicBoolean();
    Counter failing =
        new Counter(
            AgentPolicy.everywhere(),
            t -> {
              if (broken.get()) {
                throw new dev.pindesk.ports.CaseJournal.NotRecordedException("test: full", null);
              }
            });
    failing.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    failing.bound(ServiceKind.RESET, HolderKind.IN_PERSON);
    Pin first = pin("385217");
    Pin second = pin("385217");
    broken.set(true);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> failing.service.capturePin(first, second))
        .isInstanceOf(dev.pindesk.ports.CaseJournal.NotRecordedException.class);
    assertThat(List.of(first.isWiped(), second.isWiped())).containsOnly(true);
    assertThat(failing.state()).isEqualTo(IDENTITY_BOUND);
  }

  @Test
  void aReadFailureIsRecordedAndTheCaseWaits() throws Exception {
    counter.service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
    counter.service.checkId(CaseParties.inPerson(Counter.HOLDER));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> counter.service.readCard(Counter.READER))
        .hasMessageStartingWith("no_card");
    assertThat(counter.last().errorCode()).isEqualTo("no_card");
    assertThat(counter.state()).isEqualTo(ID_CHECKED);
  }

  private BindingResult readAndBind(ServiceKind service) throws Exception {
    counter.service.open(service, HolderKind.IN_PERSON, "clerk7");
    counter.service.checkId(CaseParties.inPerson(Counter.HOLDER));
    counter.service.readCard(Counter.READER);
    return counter.service.bind(true);
  }
}
