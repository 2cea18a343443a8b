package dev.pindesk.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.audit.AuditEntry;
import dev.pindesk.service.audit.AuditCases.Case;
import dev.pindesk.service.audit.AuditCases.Outcome;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditCasesTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private long seq;

  private AuditEntry event(
      String time, String clerk, String caseId, String step, String outcome, String error) {
    Map<String, String> m = new HashMap<>();
    m.put("time", time);
    m.put("clerk", clerk);
    m.put("step", step);
    m.put("outcome", outcome);
    if (caseId != null) {
      m.put("case", caseId);
      m.put("service", "reset");
      m.put("holder", "in_person");
      m.put("holderIdMasked", "110101********0243");
      m.put("holderNameMasked", "李**");
    }
    if (error != null) {
      m.put("error", error);
    }
    return new AuditEntry(++seq, m, true, true);
  }

  private AuditCases journal() {
    AuditCases cases = new AuditCases();
    cases.add(event("2026-03-02T01:00:00Z", "system", null, "app_started", "ok", null));
    // completed, after one weak PIN
    cases.add(event("2026-03-02T09:00:00Z", "zhang", "C1", "case_opened", "ok", null));
    cases.add(event("2026-03-02T09:01:00Z", "zhang", "C1", "pin_captured", "failed", "weak_pin"));
    cases.add(event("2026-03-02T09:02:00Z", "zhang", "C1", "pin_written", "ok", null));
    // cancelled, interleaved
    cases.add(event("2026-03-02T09:05:00Z", "li", "C2", "case_opened", "ok", null));
    cases.add(event("2026-03-02T09:06:00Z", "zhang", "C1", "case_closed", "ok", null));
    cases.add(
        event(
            "2026-03-02T09:07:00Z", "li", "C2", "case_cancelled", "cancelled", "citizen_withdrew"));
    // in doubt, never resolved; then one with no end
    cases.add(event("2026-03-03T14:00:00Z", "li", "C3", "case_opened", "ok", null));
    cases.add(event("2026-03-03T14:02:00Z", "li", "C3", "in_doubt", "failed", "card_removed"));
    cases.add(event("2026-03-03T15:00:00Z", "zhang", "C4", "case_opened", "ok", null));
    // in doubt, then cancelled by the clerk: the doubt stays
    cases.add(event("2026-03-03T16:00:00Z", "li", "C5", "case_opened", "ok", null));
    cases.add(event("2026-03-03T16:01:00Z", "li", "C5", "in_doubt", "failed", "card_removed"));
    cases.add(
        event("2026-03-03T16:02:00Z", "li", "C5", "case_cancelled", "cancelled", "clerk_aborted"));
    cases.add(new AuditEntry(++seq, Map.of(), false, false));
    return cases;
  }

  @Test
  void aPinTheCertifiedReadersKeypadTookIsMarkedAsNotCheckedByThePolicy() {
    AuditCases cases = new AuditCases();
    cases.add(event("2026-03-02T09:00:00Z", "zhang", "C9", "case_opened", "ok", null));
    Map<String, String> m =
        new HashMap<>(
            event("2026-03-02T09:01:00Z", "zhang", "C9", "pin_captured", "ok", null).members());
    m.put("policy_not_applied", "device_entry");
    cases.add(new AuditEntry(++seq, m, true, true));
    assertThat(cases.cases().get(0).steps())
        .extracting(AuditCases.Step::policyNotApplied)
        .containsExactly("", "device_entry");
  }

  @Test
  void groupsEventsIntoCasesWithHowTheyEndedAndWhy() {
    AuditCases j = journal();
    List<Case> cases = j.cases();

    assertThat(cases).extracting(Case::id).containsExactly("C1", "C2", "C3", "C4", "C5");
    assertThat(cases)
        .extracting(Case::outcome)
        .containsExactly(
            Outcome.COMPLETED,
            Outcome.CANCELLED,
            Outcome.IN_DOUBT,
            Outcome.UNFINISHED,
            Outcome.IN_DOUBT);
    assertThat(cases)
        .extracting(Case::reason)
        .containsExactly("", "citizen_withdrew", "card_removed", "", "card_removed");
    assertThat(cases.get(0).steps()).hasSize(4);
    assertThat(cases.get(0).holderNameMasked()).isEqualTo("李**");
    assertThat(j.unreadable()).isEqualTo(1);
  }

  @Test
  void filtersByDayClerkOutcomeAndText() {
    List<Case> cases = journal().cases();
    CaseFilter all = CaseFilter.all(UTC);

    assertThat(cases.stream().filter(all)).hasSize(5);
    assertThat(
            cases.stream()
                .filter(
                    new CaseFilter(
                        Optional.of(LocalDate.parse("2026-03-03")),
                        Optional.empty(),
                        Optional.of("li"),
                        Optional.of(Outcome.IN_DOUBT),
                        "",
                        UTC)))
        .extracting(Case::id)
        .containsExactly("C3", "C5");
    assertThat(
            cases.stream()
                .filter(
                    new CaseFilter(
                        Optional.empty(),
                        Optional.of(LocalDate.parse("2026-03-02")),
                        Optional.empty(),
                        Optional.of(Outcome.CANCELLED),
                        "",
                        UTC)))
        .extracting(Case::id)
        .containsExactly("C2");
    assertThat(
            cases.stream()
                .filter(
                    new CaseFilter(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        " c4 ",
                        UTC)))
        .extracting(Case::id)
        .containsExactly("C4");
  }

  @Test
  void chartsCountCasesPerHourAndReasonsOfTheOnesThatDidNotComplete() {
    List<Case> cases = journal().cases();

    long[] hours = AuditStats.perHour(cases, UTC);
    assertThat(hours[9]).isEqualTo(2);
    assertThat(hours[14]).isEqualTo(1);
    assertThat(hours[15]).isEqualTo(1);
    assertThat(AuditStats.failureReasons(cases))
        .containsExactly(
            Map.entry("card_removed", 2L),
            Map.entry("citizen_withdrew", 1L),
            Map.entry("unknown", 1L));
  }
}
