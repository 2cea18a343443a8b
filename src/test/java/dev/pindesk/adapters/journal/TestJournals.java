package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.ErrorCode;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.audit.Person;
import dev.pindesk.domain.audit.ServiceKind;
import java.nio.file.Path;

/** Keys, options and events for journal tests. */
final class TestJournals {
  static final Sm2KeyPair WORKSTATION = Sm2.generate();
  static final Sm2KeyPair SUPERVISOR = Sm2.generate();

  private TestJournals() {}

  static StoreOptions options(int checkpointEvery) {
    return StoreOptions.of("WS-TEST-01", WORKSTATION, SUPERVISOR.publicKey(), true)
        .withCheckpointEvery(checkpointEvery)
        .withSegmentEntries(25);
  }

  static AuditEvent event(int i) {
    AuditEvent e =
        AuditEvent.caseStep(
            "C-" + (i / 5),
            ServiceKind.values()[i % 3],
            HolderKind.values()[i % 2],
            AuditStep.values()[i % 14],
            i % 7 == 0 ? AuditOutcome.FAILED : AuditOutcome.OK,
            "clerk-07");
    e = e.withCardHolder(new Person("11010519491231002X", "张三丰"));
    return i % 7 == 0 ? e.withError(ErrorCode.PIN_MISMATCH) : e;
  }

  /** A closed journal of {@code events} events, checkpoint every {@code every}. */
  static Path write(Path file, int events, int every) throws JournalException {
    try (SqliteJournalStore store = SqliteJournalStore.open(file, options(every))) {
      for (int i = 0; i < events; i++) {
        store.append(event(i));
      }
    }
    return file;
  }
}
