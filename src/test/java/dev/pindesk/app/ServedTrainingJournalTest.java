package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.service.audit.SteppingClock;
import dev.pindesk.service.audit.TrainingJournalGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code training generate-journal} serves its cases through the real case service, virtual
 * training cards and the training security module: the journal holds what the service recorded.
 */
class ServedTrainingJournalTest {

  private static List<AuditEvent> serve(long seed, int cases) throws Exception {
    List<AuditEvent> events = new ArrayList<>();
    JournalStore store =
        new JournalStore() {
          @Override
          public long append(AuditEvent event) {
            events.add(event);
            return events.size();
          }

          @Override
          public void checkpoint() {}

          @Override
          public void close() {}
        };
    long count =
        new TrainingJournalGenerator(
                seed,
                new SteppingClock(Instant.parse("2025-03-03T01:00:00Z")),
                store,
                new VirtualTrainingDesk(),
                new TrainingSecurityModule(),
                CardProfiles.builtIn())
            .generate(cases);
    assertThat(count).isEqualTo(events.size());
    return events;
  }

  @Test
  void writesPinsToCardsAndRecordsWhatTheServiceDid() throws Exception {
    List<AuditEvent> events = serve(7, 200);

    assertThat(events)
        .filteredOn(e -> e.step() == AuditStep.CASE_OPENED)
        .hasSize(200)
        .allSatisfy(e -> assertThat(e.caseId()).isPresent());
    assertThat(events)
        .filteredOn(e -> e.step() == AuditStep.PIN_WRITTEN && e.outcome() == AuditOutcome.OK)
        .hasSizeGreaterThan(130);
    assertThat(events)
        .extracting(AuditEvent::step)
        .contains(
            AuditStep.CARD_READ,
            AuditStep.IDENTITY_BOUND,
            AuditStep.PIN_CAPTURED,
            AuditStep.RECEIPT_PRINTED,
            AuditStep.CASE_CLOSED,
            AuditStep.CASE_CANCELLED);
    assertThat(events)
        .filteredOn(e -> e.outcome() == AuditOutcome.FAILED)
        .extracting(e -> e.errorCode().orElseThrow().wireName())
        .contains("ssn_mismatch", "card_mute", "weak_pin", "pin_mismatch");
    assertThat(events.toString()).doesNotContain("385217", "604918", "729164", "123456");
  }

  @Test
  void theSameSeedServesTheSameCases() throws Exception {
    assertThat(serve(3, 30)).isEqualTo(serve(3, 30));
  }
}
