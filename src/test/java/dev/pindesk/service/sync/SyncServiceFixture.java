package dev.pindesk.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.ports.CentralLink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sync service tests share: a real journal file written with fixed keys and time, an
 * in-memory central, a recording sleeper, and a service closed after each test.
 */
abstract class SyncServiceFixture {
  private static final Sm2KeyPair WORKSTATION = Sm2.generate();
  static final Sm2KeyPair SUPERVISOR = Sm2.generate();
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  /** Always the upper bound: makes the jittered backoff its ceiling. */
  static final RandomGenerator MAX =
      new RandomGenerator() {
        @Override
        public long nextLong() {
          return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
          return bound - 1;
        }
      };

  @TempDir Path dir;
  final FakeCentral central = new FakeCentral();
  final RecordingSleeper sleeper = new RecordingSleeper();
  SyncService service;

  @AfterEach
  void close() {
    if (service != null) {
      service.close();
    }
  }

  Path journal(int events) throws Exception {
    return append(dir.resolve("journal.db"), events, T0);
  }

  static Path append(Path file, int events, Instant at) throws Exception {
    StoreOptions options =
        StoreOptions.of("WS-SYNC-01", WORKSTATION, SUPERVISOR.publicKey(), true)
            .withClock(Clock.fixed(at, ZoneOffset.UTC));
    try (SqliteJournalStore store = SqliteJournalStore.open(file, options)) {
      for (int i = 0; i < events; i++) {
        store.append(AuditEvent.session(AuditStep.CLERK_SIGNED_IN, AuditOutcome.OK, "c-" + i));
      }
    }
    return file;
  }

  SyncService service(Path file, CentralLink link, SyncConfig config, Instant now)
      throws Exception {
    return new SyncService(
        JournalOutbox.open(file), link, config, Clock.fixed(now, ZoneOffset.UTC), MAX, sleeper);
  }

  SyncService service(Path file) throws Exception {
    return service(file, central, SyncConfig.defaults().withBatchLimits(7, 1 << 20), T0);
  }

  static long ackSeq(Path file) throws Exception {
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      return outbox.ackSeq();
    }
  }

  static long lastSeq(Path file) throws Exception {
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      return outbox.lastSeq();
    }
  }

  void assertEachSeqSentOnce() {
    List<Long> sent = central.sentSeqs();
    assertThat(new HashSet<>(sent)).as("sent, in order: %s", sent).hasSize(sent.size());
  }
}
