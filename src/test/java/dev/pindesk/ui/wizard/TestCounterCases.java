package dev.pindesk.ui.wizard;

import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.CaseJournal;
import dev.pindesk.service.audit.CaseAuditRecorder;
import dev.pindesk.service.reset.ResetCaseConfig;
import dev.pindesk.service.reset.ResetCaseDevices;
import dev.pindesk.service.reset.ResetCaseService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The case service both wizard fixtures (view model and window) drive: a real journal in {@code
 * dir}, the training security module, and a journal that can be broken on demand.
 */
final class TestCounterCases {
  final SqliteJournalStore journal;
  final ResetCaseService cases;

  TestCounterCases(
      Path dir,
      Sm2KeyPair workstation,
      Sm2KeyPair supervisor,
      CardTerminals terminals,
      BooleanSupplier journalBroken,
      Clock clock)
      throws Exception {
    journal =
        SqliteJournalStore.open(
            dir.resolve("journal.db"),
            StoreOptions.of("WS-UI", workstation, supervisor.publicKey(), true));
    CaseAuditRecorder recorder = new CaseAuditRecorder(journal);
    CaseJournal failable =
        t -> {
          if (journalBroken.getAsBoolean()) {
            throw new CaseJournal.NotRecordedException("test: disk full", null);
          }
          recorder.record(t);
        };
    cases =
        new ResetCaseService(
            new ResetCaseDevices(terminals, new TrainingSecurityModule(), failable),
            CardProfiles.builtIn(),
            new ResetCaseConfig(AgentPolicy.everywhere(), true),
            new CaseIds("WSUI", clock, new Random(1)),
            clock);
  }
}
