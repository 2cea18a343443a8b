package dev.pindesk.adapters.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.crypto.gm.Sm3Chain;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.ReceiptMismatchException;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import dev.pindesk.testing.TestCentralKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as the outbox: reads while the counter appends, and the cursor's rules. */
class JournalOutboxTest {
  private static final TestCentralKeys CENTRAL = TestCentralKeys.create();

  @TempDir Path dir;

  private static Receipt receipt(JournalOutbox outbox, long seq) throws Exception {
    return receipt(outbox.journalId(), seq, outbox.hashAt(seq));
  }

  private static Receipt receipt(byte[] journalId, long seq, byte[] head) {
    return ReceiptCodec.sign(
        new Receipt(journalId, "WS-TEST-01", seq, head, Instant.now(), new byte[0]),
        CENTRAL.keyPair().getPrivate());
  }

  @Test
  void shipsAndAcknowledgesWhileTheCounterKeepsAppending() throws Exception {
    Path file = dir.resolve("j.db");
    try (SqliteJournalStore store = SqliteJournalStore.open(file, TestJournals.options(50));
        JournalOutbox outbox = JournalOutbox.open(file)) {
      store.append(TestJournals.event(0));
      AtomicBoolean appending = new AtomicBoolean(true);
      CompletableFuture<Long> writer =
          CompletableFuture.supplyAsync(
              () -> {
                long last = 0;
                try {
                  for (int i = 1; i <= 400; i++) {
                    last = store.append(TestJournals.event(i));
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                } finally {
                  appending.set(false);
                }
                return last;
              });
      byte[] previous = outbox.hashAt(0);
      long shipped = 0;
      int batches = 0;
      while (appending.get() || shipped < outbox.lastSeq()) {
        SealedBatch batch = outbox.read(outbox.ackSeq(), 37, 1 << 20);
        if (batch.entries().isEmpty()) {
          continue;
        }
        assertThat(batch.from()).isEqualTo(shipped + 1);
        for (SealedEntry e : batch.entries()) {
          assertThat(Sm3Chain.link(previous, e.seq(), e.header(), e.body())).isEqualTo(e.hash());
          previous = e.hash();
        }
        outbox.acknowledge(receipt(outbox, batch.to()));
        shipped = batch.to();
        batches++;
      }
      long last = writer.get(60, TimeUnit.SECONDS);
      assertThat(last).isGreaterThanOrEqualTo(401);
      assertThat(outbox.ackSeq()).isEqualTo(store.lastSeq());
      assertThat(outbox.pending()).isZero();
      assertThat(outbox.oldestPendingTime()).isEmpty();
      assertThat(batches).isGreaterThan(10);
      assertThat(Arrays.equals(outbox.hashAt(outbox.ackSeq()), store.head())).isTrue();
    }
    assertThat(JournalVerifier.verify(file, Optional.empty()).valid()).isTrue();
  }

  @Test
  void theWriterHoldsNoLockBetweenAppendsAndSurvivesOneThatStaysBusy() throws Exception {
    Path file = dir.resolve("j.db");
    try (SqliteJournalStore store = SqliteJournalStore.open(file, TestJournals.options(50))) {
      store.append(TestJournals.event(1));
      try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
          java.sql.Statement s = other.createStatement()) {
        s.execute("PRAGMA busy_timeout = 100");
        s.execute("BEGIN IMMEDIATE"); // succeeds: the idle writer holds no lock
        assertThatThrownBy(() -> store.append(TestJournals.event(2)))
            .isInstanceOf(dev.pindesk.domain.audit.JournalException.class)
            .hasMessageContaining("busy");
        s.execute("ROLLBACK");
      }
      long seq = store.append(TestJournals.event(3));
      assertThat(seq).isEqualTo(store.lastSeq());
    }
    assertThat(JournalVerifier.verify(file, Optional.empty()).valid()).isTrue();
  }

  @Test
  void readsAtMostTheAskedEntriesAndBytesButAlwaysOneEntry() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 30, 10);
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      assertThat(outbox.read(0, 7, 1 << 20).entries()).hasSize(7);
      assertThat(outbox.read(0).entries()).hasSize((int) outbox.lastSeq());
      SealedBatch tiny = outbox.read(5, 100, 1);
      assertThat(tiny.from()).isEqualTo(6);
      assertThat(tiny.entries()).hasSize(1);
      SealedBatch some = outbox.read(0, 100, 1000);
      int bytes = some.entries().stream().mapToInt(SealedEntry::wireSize).sum();
      assertThat(bytes).isLessThanOrEqualTo(1000);
      assertThat(some.entries().size()).isGreaterThan(1);
      assertThat(outbox.read(outbox.lastSeq(), 100, 1000).entries()).isEmpty();
      assertThat(some.journalHeader()).isEqualTo(outbox.header());
      assertThat(some.headerSignature()).isEqualTo(outbox.headerSignature());
    }
  }

  @Test
  void theOldestPendingTimeIsTheHeaderTimeOfTheEntryAfterTheCursor() throws Exception {
    Path file = dir.resolve("j.db");
    Instant t0 = Instant.parse("2026-01-05T08:00:00Z");
    try (SqliteJournalStore store =
        SqliteJournalStore.open(
            file, TestJournals.options(100).withClock(Clock.fixed(t0, ZoneOffset.UTC)))) {
      store.append(TestJournals.event(1));
    }
    try (SqliteJournalStore store =
        SqliteJournalStore.open(
            file,
            TestJournals.options(100)
                .withClock(Clock.fixed(t0.plusSeconds(3600), ZoneOffset.UTC)))) {
      store.append(TestJournals.event(2));
    }
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      assertThat(outbox.oldestPendingTime()).contains(t0);
      outbox.acknowledge(receipt(outbox, 3)); // segment, event, closing checkpoint
      assertThat(outbox.oldestPendingTime()).contains(t0.plusSeconds(3600));
      assertThat(outbox.pending()).isEqualTo(outbox.lastSeq() - 3);
    }
  }

  @Test
  void storesTheCursorAndTheReceiptTogetherAndKeepsThemAcrossReopening() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 20, 10);
    Receipt r;
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      assertThat(outbox.ackSeq()).isZero();
      assertThat(outbox.receipt()).isEmpty();
      r = receipt(outbox, 12);
      outbox.acknowledge(r);
    }
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      assertThat(outbox.ackSeq()).isEqualTo(12);
      assertThat(outbox.receipt()).get().extracting(Receipt::ackSeq).isEqualTo(12L);
      assertThat(ReceiptCodec.verify(outbox.receipt().get(), CENTRAL.certificate())).isTrue();
      assertThat(outbox.receipt().get().head()).isEqualTo(r.head());
    }
  }

  @Test
  void refusesAReceiptForAnotherJournal() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 5, 10);
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      byte[] other = outbox.journalId();
      other[0] ^= 1;
      Receipt foreign = receipt(other, 2, outbox.hashAt(2));
      assertThatThrownBy(() -> outbox.acknowledge(foreign))
          .isInstanceOf(ReceiptMismatchException.class)
          .hasMessageContaining("journal");
      assertThat(outbox.ackSeq()).isZero();
    }
  }

  @Test
  void refusesAReceiptBeyondTheEndOfTheJournal() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 5, 10);
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      long last = outbox.lastSeq();
      Receipt ahead = receipt(outbox.journalId(), last + 1, outbox.hashAt(last));
      assertThatThrownBy(() -> outbox.acknowledge(ahead))
          .isInstanceOf(ReceiptMismatchException.class)
          .hasMessageContaining("ends at " + last);
    }
  }

  @Test
  void refusesAReceiptWhoseHeadIsNotTheLocalChain() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 5, 10);
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      Receipt wrong = receipt(outbox.journalId(), 3, outbox.hashAt(2));
      assertThatThrownBy(() -> outbox.acknowledge(wrong))
          .isInstanceOf(ReceiptMismatchException.class)
          .hasMessageContaining("head");
      assertThat(outbox.receipt()).isEmpty();
    }
  }

  @Test
  void neverMovesTheCursorBackwardsExceptByAnExplicitRewind() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 10, 10);
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      outbox.acknowledge(receipt(outbox, 8));
      Receipt older = receipt(outbox, 4);
      assertThatThrownBy(() -> outbox.acknowledge(older))
          .isInstanceOf(ReceiptMismatchException.class)
          .hasMessageContaining("behind");
      assertThat(outbox.ackSeq()).isEqualTo(8);
      outbox.acknowledge(receipt(outbox, 8)); // the same position again is harmless
      outbox.rewind(older);
      assertThat(outbox.ackSeq()).isEqualTo(4);
      assertThat(outbox.receipt()).get().extracting(Receipt::ackSeq).isEqualTo(4L);
      outbox.forgetCursor();
      assertThat(outbox.ackSeq()).isZero();
      assertThat(outbox.receipt()).isEmpty();
    }
  }

  @Test
  void acknowledgesTheGenesisOfAJournalTheCentralHoldsNoEntriesOf() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 2, 10);
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      outbox.acknowledge(receipt(outbox, 0));
      assertThat(outbox.ackSeq()).isZero();
      assertThat(outbox.receipt()).isPresent();
    }
  }

  @Test
  void refusesAFileThatIsNoJournal() throws Exception {
    Path text = dir.resolve("notes.txt");
    java.nio.file.Files.writeString(text, "hello");
    assertThatThrownBy(() -> JournalOutbox.open(text))
        .isInstanceOf(dev.pindesk.domain.audit.JournalException.class);
    assertThatThrownBy(() -> JournalOutbox.open(dir.resolve("absent.db")))
        .isInstanceOf(dev.pindesk.domain.audit.JournalException.class)
        .hasMessageContaining("no such journal");
  }
}
