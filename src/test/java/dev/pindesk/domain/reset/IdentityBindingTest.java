package dev.pindesk.domain.reset;

import static dev.pindesk.domain.reset.Cases.AGENT;
import static dev.pindesk.domain.reset.Cases.HOLDER;
import static dev.pindesk.domain.reset.Cases.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.id.IdDocument;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityBindingTest {
  private final IdentityBinding binding = new IdentityBinding(new AgentPolicy(List.of("11")));
  private final CardFacts good = Cases.card(CardPinStatus.triesLeft(3));

  private BindingResult bind(ServiceKind s, CaseParties p, CardFacts c) {
    return binding.check(s, p, c, TODAY, true);
  }

  @Test
  void bindsTheHoldersOwnCard() {
    BindingResult r = bind(ServiceKind.RESET, CaseParties.inPerson(HOLDER), good);
    assertThat(r.issues()).isEmpty();
    assertThat(r.canBind(false)).isTrue();
  }

  @Test
  void refusesACardOfSomeoneElse() {
    CardFacts other =
        new CardFacts(
            good.info(),
            Cases.holder(Cases.AGENT_ID.value(), "李秀英"),
            good.pinStatus(),
            true,
            CipherAlgorithm.SM4);
    BindingResult r = bind(ServiceKind.RESET, CaseParties.inPerson(HOLDER), other);
    assertThat(r.blocking()).containsExactly(BindingIssue.SSN_MISMATCH);
    assertThat(r.canBind(true)).isFalse();
    assertThat(BindingIssue.SSN_MISMATCH.messageKey()).isEqualTo("bind.ssn_mismatch");
  }

  @Test
  void aDifferentNameIsOnlyAWarningTheClerkConfirms() {
    CardFacts other =
        new CardFacts(
            good.info(),
            Cases.holder(HOLDER.id().value(), "李秀央"),
            good.pinStatus(),
            true,
            CipherAlgorithm.SM4);
    BindingResult r = bind(ServiceKind.RESET, CaseParties.inPerson(HOLDER), other);
    assertThat(r.warnings()).containsExactly(BindingIssue.NAME_DIFFERS);
    assertThat(r.canBind(false)).isFalse();
    assertThat(r.canBind(true)).isTrue();
  }

  @Test
  void namesDifferingOnlyInSpacesAgree() {
    CardFacts spaced =
        new CardFacts(
            good.info(),
            Cases.holder(HOLDER.id().value(), "李 秀英 "),
            good.pinStatus(),
            true,
            CipherAlgorithm.SM4);
    assertThat(bind(ServiceKind.RESET, CaseParties.inPerson(HOLDER), spaced).issues()).isEmpty();
  }

  @Test
  void refusesExpiredCardsAndIds() {
    CardFacts expired =
        new CardFacts(
            Cases.info(LocalDate.of(2024, 1, 1)),
            good.holder(),
            good.pinStatus(),
            true,
            CipherAlgorithm.SM4);
    IdDocument oldId = new IdDocument(HOLDER.id(), LocalDate.of(2025, 5, 31), HOLDER.name());
    BindingResult r = bind(ServiceKind.RESET, CaseParties.inPerson(oldId), expired);
    assertThat(r.blocking()).containsExactly(BindingIssue.ID_EXPIRED, BindingIssue.CARD_EXPIRED);
  }

  @Test
  void resetOnABlockedCardSuggestsUnlock() {
    BindingResult r =
        bind(ServiceKind.RESET, CaseParties.inPerson(HOLDER), Cases.card(CardPinStatus.BLOCKED));
    assertThat(r.blocking()).containsExactly(BindingIssue.PIN_BLOCKED_NEEDS_UNLOCK);
    assertThat(r.suggestedService()).hasValue(ServiceKind.UNLOCK);
  }

  @Test
  void unlockNeedsABlockedPinWhenTheCardSays() {
    assertThat(bind(ServiceKind.UNLOCK, CaseParties.inPerson(HOLDER), good).blocking())
        .containsExactly(BindingIssue.NOT_BLOCKED_FOR_UNLOCK);
    assertThat(
            bind(
                    ServiceKind.UNLOCK,
                    CaseParties.inPerson(HOLDER),
                    Cases.card(CardPinStatus.UNKNOWN))
                .issues())
        .isEmpty();
    assertThat(
            bind(
                    ServiceKind.UNLOCK,
                    CaseParties.inPerson(HOLDER),
                    Cases.card(CardPinStatus.BLOCKED))
                .issues())
        .isEmpty();
  }

  @Test
  void aLockedApplicationCannotBeServed() {
    assertThat(
            bind(
                    ServiceKind.UNLOCK,
                    CaseParties.inPerson(HOLDER),
                    Cases.card(CardPinStatus.APPLICATION_LOCKED))
                .blocking())
        .containsExactly(BindingIssue.APP_LOCKED);
  }

  @Test
  void agentsFollowTheRegionPolicy() {
    CaseParties byAgent = CaseParties.byAgent(HOLDER, AGENT);
    assertThat(bind(ServiceKind.RESET, byAgent, good).issues()).isEmpty();
    IdentityBinding strict = new IdentityBinding(new AgentPolicy(List.of("44")));
    assertThat(strict.check(ServiceKind.RESET, byAgent, good, TODAY, true).blocking())
        .containsExactly(BindingIssue.AGENT_NOT_ALLOWED);
    IdDocument expiredAgent = new IdDocument(AGENT.id(), LocalDate.of(2020, 1, 1), AGENT.name());
    assertThat(bind(ServiceKind.RESET, CaseParties.byAgent(HOLDER, expiredAgent), good).blocking())
        .containsExactly(BindingIssue.AGENT_ID_EXPIRED);
  }

  @Test
  void trainingAndProductionCardsStayApart() {
    assertThat(
            binding
                .check(ServiceKind.RESET, CaseParties.inPerson(HOLDER), good, TODAY, false)
                .blocking())
        .containsExactly(BindingIssue.TRAINING_CARD_IN_PRODUCTION);
    CardFacts real =
        new CardFacts(good.info(), good.holder(), good.pinStatus(), false, CipherAlgorithm.SM4);
    assertThat(bind(ServiceKind.RESET, CaseParties.inPerson(HOLDER), real).blocking())
        .containsExactly(BindingIssue.REAL_CARD_IN_TRAINING);
  }

  @Test
  void trainingRefusesToResetOrUnlockACardWhoseAlgorithmOnlyHardwareComputes() {
    CardFacts ssf33 =
        new CardFacts(good.info(), good.holder(), good.pinStatus(), true, CipherAlgorithm.SSF33);
    assertThat(bind(ServiceKind.RESET, CaseParties.inPerson(HOLDER), ssf33).blocking())
        .containsExactly(BindingIssue.ALGORITHM_UNSUPPORTED);
    assertThat(bind(ServiceKind.CHANGE_INITIAL, CaseParties.inPerson(HOLDER), ssf33).issues())
        .isEmpty();
  }
}
