package dev.pindesk.service.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.AnswerLosingTerminals;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.id.CitizenId;
import dev.pindesk.domain.id.IdDocument;
import dev.pindesk.domain.pin.PinEntryResult;
import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseTransition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A training counter: a virtual reader, the training module, an in-memory journal. */
final class Counter {
  static final String READER = InProcessCardTerminals.DEFAULT_READER;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:03:04Z"), ZoneOffset.UTC);
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
  static final IdDocument HOLDER =
      new IdDocument(CitizenId.parse("110101198604120243", TODAY), LocalDate.MAX, "李秀英");
  static final IdDocument AGENT = new IdDocument(agentId(), LocalDate.of(2030, 1, 1), "王强");

  /** New PINs these tests write: none may appear in a transition. */
  static final List<String> PINS = List.of("385217", "729164", "604918");

  final InProcessCardTerminals cards = new InProcessCardTerminals();
  final AnswerLosingTerminals terminals = new AnswerLosingTerminals(cards);
  final List<CaseTransition> journal = new ArrayList<>();
  final ResetCaseService service;
  VirtualSscCard card;

  Counter(AgentPolicy agents) {
    this(agents, t -> {});
  }

  /** A counter whose transitions also go to {@code realJournal}. */
  Counter(AgentPolicy agents, dev.pindesk.ports.CaseJournal realJournal) {
    this(new ResetCaseConfig(agents, true), realJournal);
  }

  /** A counter with the regional PIN policy {@code pinPolicy}. */
  Counter(PinPolicyProfile pinPolicy) {
    this(new ResetCaseConfig(AgentPolicy.everywhere(), true, pinPolicy), t -> {});
  }

  private Counter(ResetCaseConfig config, dev.pindesk.ports.CaseJournal realJournal) {
    service =
        new ResetCaseService(
            new ResetCaseDevices(
                terminals,
                new TrainingSecurityModule(),
                t -> {
                  realJournal.record(t);
                  journal.add(t);
                }),
            CardProfiles.builtIn(),
            config,
            new CaseIds("T1", CLOCK, new Random(3)),
            CLOCK);
  }

  Counter() {
    this(AgentPolicy.everywhere());
  }

  private static CitizenId agentId() {
    String first17 = "11010519901103721";
    return CitizenId.parse(first17 + CitizenId.checkChar(first17), TODAY);
  }

  static Pin pin(String digits) {
    return Pin.of(digits.toCharArray());
  }

  VirtualSscCard insert(VirtualCardSpec spec) {
    card = VirtualSscCard.fromSpec(spec);
    cards.insert(READER, card);
    return card;
  }

  /** Opens, checks the IDs, reads and binds; asserts the case is bound. */
  void bound(ServiceKind service, HolderKind kind) throws Exception {
    this.service.open(service, kind, "clerk7");
    this.service.checkId(
        kind == HolderKind.AGENT
            ? CaseParties.byAgent(HOLDER, AGENT)
            : CaseParties.inPerson(HOLDER));
    this.service.readCard(READER);
    assertThat(this.service.bind(false).canBind(false)).isTrue();
    assertThat(state()).isEqualTo(CaseState.IDENTITY_BOUND);
  }

  /** Both entries of {@code digits}; asserts they were accepted. */
  void captured(String digits) {
    Pin first = pin(digits);
    assertThat(service.checkFirstPin(first)).isInstanceOf(PinEntryResult.Accepted.class);
    assertThat(service.capturePin(first, pin(digits))).isInstanceOf(PinEntryResult.Accepted.class);
    assertThat(first.isWiped()).isFalse(); // held by the service until the write
  }

  CaseState state() {
    return service.snapshot().orElseThrow().state();
  }

  List<CaseState> states() {
    return journal.stream().map(CaseTransition::to).toList();
  }

  CaseTransition last() {
    return journal.get(journal.size() - 1);
  }

  boolean cardHolds(String digits) {
    return card.isCurrentPin(digits.toCharArray());
  }
}
