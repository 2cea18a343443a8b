package dev.pindesk.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.domain.sync.CentralFailure;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.domain.sync.SyncStatus.Link;
import dev.pindesk.ports.CentralLink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sync service on a real journal file with an in-memory central: draining, resuming, the cursor
 * following the central (gap, backup, unknown journal), stopping on what a retry cannot fix,
 * backoff, wake-ups and the published status.
 */
class SyncServiceTest extends SyncServiceFixture {
  @Test
  void drainsTheJournalInBatchesAndStoresTheReceipt() throws Exception {
    Path file = journal(40);
    service = service(file);
    SyncStatus s = service.drainOnce();
    long last = lastSeq(file);
    assertThat(s.link()).isEqualTo(Link.ONLINE);
    assertThat(s.ackSeq()).isEqualTo(last);
    assertThat(s.pending()).isZero();
    assertThat(s.problem()).isEmpty();
    assertThat(s.lastReceipt()).isPresent();
    assertThat(s.oldestPending()).isEmpty();
    assertThat(central.headSeq()).isEqualTo(last);
    assertThat(central.batches()).isEqualTo((int) ((last + 6) / 7));
    assertThat(ackSeq(file)).isEqualTo(last);
    assertEachSeqSentOnce();
  }

  @Test
  void resumesAfterARestartFromTheStoredCursorWithoutResending() throws Exception {
    Path file = journal(10);
    service = service(file);
    service.drainOnce();
    service.close();
    long first = lastSeq(file);
    append(file, 5, T0.plusSeconds(60));
    service = service(file);
    SyncStatus s = service.drainOnce();
    assertThat(s.ackSeq()).isEqualTo(lastSeq(file));
    assertThat(central.sentSeqs()).contains(first + 1).hasSize((int) lastSeq(file));
    assertEachSeqSentOnce();
  }

  @Test
  void takesOverWhatTheCentralAlreadyHoldsAtStart() throws Exception {
    Path file = journal(10);
    try (JournalOutbox other = JournalOutbox.open(file)) {
      central.send(other.read(0, 100, 1 << 20)); // another run shipped them; its cursor is lost
    }
    int before = central.sentSeqs().size();
    append(file, 3, T0.plusSeconds(60));
    service = service(file);
    SyncStatus s = service.drainOnce();
    assertThat(s.ackSeq()).isEqualTo(lastSeq(file));
    assertThat(central.sentSeqs().subList(before, central.sentSeqs().size()))
        .allMatch(seq -> seq > before);
  }

  @Test
  void rewindsToTheCentralWhenItAnswersAGap() throws Exception {
    Path file = journal(30);
    service = service(file);
    service.drainOnce();
    central.restoreFromBackup(10); // the central lost everything after entry 10
    append(file, 4, T0.plusSeconds(60));
    SyncStatus s = service.drainOnce(); // sends from the stored cursor: gap, expected 11
    assertThat(s.problem()).isEmpty();
    assertThat(s.ackSeq()).isEqualTo(lastSeq(file));
    assertThat(central.headSeq()).isEqualTo(lastSeq(file));
    assertThat(ackSeq(file)).isEqualTo(lastSeq(file));
  }

  @Test
  void rewindsAtStartWhenTheCentralWasRestoredFromABackup() throws Exception {
    Path file = journal(30);
    service = service(file);
    service.drainOnce();
    service.close();
    central.restoreFromBackup(5);
    service = service(file);
    SyncStatus s = service.drainOnce();
    assertThat(s.ackSeq()).isEqualTo(lastSeq(file));
    assertThat(central.headSeq()).isEqualTo(lastSeq(file));
  }

  @Test
  void sendsFromTheFirstEntryToACentralThatDoesNotKnowTheJournal() throws Exception {
    Path file = journal(12);
    service = service(file);
    service.drainOnce();
    central.forgetEverything();
    append(file, 2, T0.plusSeconds(60));
    service.close();
    service = service(file);
    SyncStatus s = service.drainOnce();
    assertThat(s.ackSeq()).isEqualTo(lastSeq(file));
    assertThat(central.headSeq()).isEqualTo(lastSeq(file));
  }

  @Test
  void stopsOnAForkUntilRestarted() throws Exception {
    Path file = journal(10);
    service = service(file);
    central.failNext(CentralFailure.FORK, 1);
    SyncStatus s = service.drainOnce();
    assertThat(s.link()).isEqualTo(Link.STOPPED);
    assertThat(s.problem()).contains("fork");
    int batches = central.batches();
    assertThat(service.drainOnce().link()).isEqualTo(Link.STOPPED);
    assertThat(service.drainUntilDone().problem()).contains("fork");
    assertThat(central.batches()).isEqualTo(batches);
    assertThat(sleeper.backoffs()).isEmpty();
    service.close();
    service = service(file); // a person acted and restarted it
    assertThat(service.drainOnce().pending()).isZero();
  }

  @Test
  void stopsOnEveryRefusalARetryCannotFix() throws Exception {
    for (CentralFailure f : CentralFailure.values()) {
      if (f.retryable()) {
        continue;
      }
      Path file = append(dir.resolve(f.wireName() + ".db"), 2, T0);
      FakeCentral c = new FakeCentral();
      c.failNext(f, 1);
      try (SyncService s = service(file, c, SyncConfig.defaults(), T0)) {
        SyncStatus status = s.drainOnce();
        assertThat(status.link()).as(f.wireName()).isEqualTo(Link.STOPPED);
        assertThat(status.problem()).as(f.wireName()).contains(f.wireName());
      }
    }
  }

  @Test
  void stopsWhenAReceiptDoesNotMatchTheJournal() throws Exception {
    Path file = journal(5);
    central.lieAboutTheHead();
    service = service(file);
    SyncStatus s = service.drainOnce();
    assertThat(s.link()).isEqualTo(Link.STOPPED);
    assertThat(s.problem()).contains(SyncService.RECEIPT_MISMATCH);
    assertThat(ackSeq(file)).isZero();
  }

  @Test
  void backsOffExponentiallyWithFullJitterUpToFiveMinutesAndResetsAfterSuccess() throws Exception {
    Path file = journal(3);
    central.failNext(CentralFailure.UNREACHABLE, 12);
    service = service(file).start();
    sleeper.awaitIdle(1);
    assertThat(sleeper.backoffs())
        .extracting(Duration::toSeconds)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
    assertThat(service.status().link()).isEqualTo(Link.ONLINE);
    assertThat(service.status().pending()).isZero();
    central.failNext(CentralFailure.TIMEOUT, 1);
    append(file, 1, T0);
    service.wake();
    sleeper.awaitIdle(2);
    assertThat(sleeper.backoffs()).hasSize(13).last().isEqualTo(Duration.ofSeconds(1));
    assertThat(service.status().pending()).isZero();
  }

  @Test
  void jitterIsUniformBelowTheCeiling() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new java.util.Random(7));
    List<Long> delays = IntStream.range(0, 200).mapToObj(i -> b.delay(3).toMillis()).toList();
    assertThat(delays).allMatch(d -> d >= 0 && d <= 8000);
    assertThat(delays.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(6000);
    assertThat(delays.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(2000);
    assertThat(b.ceiling(40)).isEqualTo(Duration.ofMinutes(5));
    assertThat(b.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void isOfflineWhileTheCentralCannotBeReachedAndKeepsTheEntries() throws Exception {
    Path file = journal(4);
    central.failNext(CentralFailure.UNREACHABLE, 1);
    service = service(file);
    SyncStatus s = service.drainOnce();
    assertThat(s.link()).isEqualTo(Link.OFFLINE);
    assertThat(s.problem()).contains("unreachable");
    assertThat(s.pending()).isEqualTo(lastSeq(file));
    assertThat(s.oldestPending()).contains(T0);
    assertThat(service.drainOnce().pending()).isZero();
  }

  @Test
  void raisesTheBacklogAlertWhenTheOldestPendingEntryIsOlderThanTheLimit() throws Exception {
    Path file = journal(4);
    central.failNext(CentralFailure.UNREACHABLE, 2);
    SyncConfig config = SyncConfig.defaults();
    try (SyncService late = service(file, central, config, T0.plus(Duration.ofHours(25)))) {
      SyncStatus s = late.drainOnce();
      assertThat(s.oldestPendingAge()).contains(Duration.ofHours(25));
      assertThat(s.backlogAlert()).isTrue();
    }
    try (SyncService patient =
        service(
            file, central, config.withBacklogLimit(Duration.ofHours(48)), T0.plusSeconds(90000))) {
      assertThat(patient.drainOnce().backlogAlert()).isFalse();
    }
  }

  @Test
  void aWakeUpSendsANewEntryAtOnce() throws Exception {
    Path file = journal(2);
    service =
        new SyncService(
            JournalOutbox.open(file),
            central,
            SyncConfig.defaults().withPollInterval(Duration.ofHours(1)),
            Clock.systemUTC(),
            MAX,
            Sleeper.system());
    long[] target = {lastSeq(file)};
    service.start();
    waitFor(() -> central.headSeq() == target[0]);
    append(file, 1, T0);
    target[0] = lastSeq(file);
    service.wake();
    waitFor(() -> central.headSeq() == target[0]);
    assertThat(central.headSeq()).isEqualTo(lastSeq(file));
  }

  @Test
  void closeStopsTheThreadPromptlyEvenInTheMiddleOfAnExchange() throws Exception {
    Path file = journal(2);
    CountDownLatch sending = new CountDownLatch(1);
    CentralLink hanging =
        new CentralLink() {
          @Override
          public Receipt send(SealedBatch batch) throws InterruptedException {
            sending.countDown();
            Thread.sleep(Long.MAX_VALUE);
            throw new AssertionError();
          }

          @Override
          public Optional<Receipt> fetchReceipt(byte[] journalId) {
            return Optional.empty();
          }
        };
    service = service(file, hanging, SyncConfig.defaults(), T0).start();
    assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    service.close();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void publishesTheStatusToSubscribersAtOnceAndOnChanges() throws Exception {
    Path file = journal(3);
    service = service(file);
    List<SyncStatus> seen = new CopyOnWriteArrayList<>();
    service.subscribe(seen::add);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).link()).isEqualTo(Link.STARTING);
    service.drainOnce();
    assertThat(seen.get(seen.size() - 1).pending()).isZero();
    assertThat(seen).anyMatch(s -> s.pending() > 0);
  }

  @Test
  void retriesARetryableRefusalWithoutStopping() throws Exception {
    Path file = journal(3);
    central.failNext(CentralFailure.REPLAYED, 1);
    service = service(file);
    SyncStatus s = service.drainOnce();
    assertThat(s.link()).isEqualTo(Link.ONLINE);
    assertThat(s.problem()).contains("replayed");
    assertThat(service.drainUntilDone().pending()).isZero();
    central.failNext(CentralFailure.UNAVAILABLE, 2);
    append(file, 1, T0);
    assertThat(service.drainUntilDone().pending()).isZero();
    assertThat(sleeper.backoffs()).hasSize(2);
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
