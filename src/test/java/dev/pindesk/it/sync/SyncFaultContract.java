package dev.pindesk.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.adapters.central.CentralStats;
import dev.pindesk.adapters.central.CentralStore;
import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.VerifyReport;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.service.sync.SyncConfig;
import dev.pindesk.service.sync.SyncService;
import dev.pindesk.testing.net.Fault;
import dev.pindesk.testing.net.FaultProxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync under faults, end to end with real parts only: a journal written by the real store, the
 * real sync service and HTTPS link, a TCP fault proxy between them, and the real central receiver
 * on a real database (SQLite or PostgreSQL by subclass). Afterwards the central must hold every
 * entry exactly once, byte for byte, its chain must verify, and the workstation's journal must
 * verify against the central's receipt.
 */
abstract class SyncFaultContract {
  private static final Logger LOG = LoggerFactory.getLogger(SyncFaultContract.class);
  private static final Set<String> NEVER_ACCEPTABLE =
      Set.of("fork", "chain", "not_enrolled", "not_your_journal", "unauthenticated", "malformed");

  @TempDir Path dir;

  abstract CentralDatabase database(Path dir) throws Exception;

  /** Seeded so a failing run can be replayed: the seed is logged and in the failure message. */
  private static Random seeded(String name) {
    long seed = Long.getLong("pindesk.faultSeed", System.nanoTime());
    LOG.info("{}: fault seed {} (replay with -Dpindesk.faultSeed={})", name, seed, seed);
    return new Random(seed);
  }

  /**
   * Every connection dies sooner or later: HttpClient keeps connections alive, so a connection that
   * passed everything would carry the rest of the run. Cuts land at random byte offsets, so they
   * fall mid-request, mid-response and between requests of kept-alive connections alike.
   */
  private static Supplier<Fault> byteLevelFaults(Random random) {
    return () -> {
      int roll;
      long offset;
      synchronized (random) {
        roll = random.nextInt(100);
        offset = random.nextInt(40_000);
      }
      if (roll < 12) {
        return Fault.drop();
      } else if (roll < 42) {
        return Fault.cutRequest(offset);
      } else if (roll < 72) {
        return Fault.cutResponse(offset / 3);
      } else if (roll < 84) {
        return Fault.delayThenCut(offset / 400, offset / 2);
      } else if (roll < 85) {
        return Fault.blackhole();
      }
      return Fault.cutResponse(offset);
    };
  }

  /**
   * Plain HTTP: the byte-level faults, and every fifth connection answered with a 500 after the
   * central did the work, every fifth (offset) delivered twice.
   */
  private static Supplier<Fault> httpFaults(Random random) {
    Supplier<Fault> bytes = byteLevelFaults(random);
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return () -> {
      int i = n.incrementAndGet();
      if (i % 5 == 1) {
        return Fault.serverError();
      }
      return i % 5 == 3 ? Fault.duplicate() : bytes.get();
    };
  }

  /** Small batches and short backoff so that a thousand faulty batches take seconds. */
  private static SyncConfig fastConfig(int batchEntries) {
    return new SyncConfig(
        batchEntries,
        1 << 20,
        Duration.ofMillis(5),
        Duration.ofMillis(60),
        Duration.ofMillis(50),
        Duration.ofHours(24),
        SyncConfig.IN_FLIGHT);
  }

  @Test
  void aThousandBatchesThroughDropsCutsDelaysAndCentralRestartsArriveExactlyOnce()
      throws Exception {
    try (SyncWorld world = new SyncWorld(dir, database(dir), false)) {
      world.append(2000);
      Random random = seeded("https faults");
      try (FaultProxy proxy = new FaultProxy(world.centralPort(), byteLevelFaults(random));
          JournalOutbox outbox = world.outbox()) {
        CountingLink link = new CountingLink(world.link(proxy.port()));
        try (SyncService sync = new SyncService(outbox, link, fastConfig(3)).start()) {
          SqliteJournalStore writer = world.writer(true);
          for (int i = 0; i < 2000; i++) {
            writer.append(SyncWorld.event(i));
            if (i % 10 == 0) {
              sync.wake();
            }
            if (i == 600 || i == 1400) {
              proxy.retarget(world.restartCentral());
            }
          }
          world.closeWriter();
          sync.wake();
          awaitDrained(outbox, sync, Duration.ofMinutes(6));
          LOG.info(
              "https faults: {} batches acknowledged, {} failed attempts, proxy {} connections"
                  + " (drop {}, cut request {}, cut response {}, delay {}, blackhole {})",
              link.acknowledged(),
              link.failed(),
              proxy.connections(),
              proxy.count(Fault.Kind.DROP),
              proxy.count(Fault.Kind.CUT_REQUEST),
              proxy.count(Fault.Kind.CUT_RESPONSE),
              proxy.count(Fault.Kind.DELAY),
              proxy.count(Fault.Kind.BLACKHOLE));
          String counts =
              "acknowledged "
                  + link.acknowledged()
                  + ", failed "
                  + link.failed()
                  + ", connections "
                  + proxy.connections();
          assertThat(link.acknowledged()).as(counts).isGreaterThanOrEqualTo(1000);
          assertThat(link.failed()).as(counts).isGreaterThan(20);
        }
        assertCentralHoldsExactlyTheJournal(world);
      }
    }
  }

  @Test
  void serverErrorsAndDuplicatedDeliveriesStoreEveryEntryOnce() throws Exception {
    try (SyncWorld world = new SyncWorld(dir, database(dir), true)) {
      world.append(1200);
      world.closeWriter();
      Random random = seeded("http faults");
      try (FaultProxy proxy = new FaultProxy(world.centralPort(), httpFaults(random));
          JournalOutbox outbox = world.outbox()) {
        CountingLink link = new CountingLink(world.link(proxy.port()));
        try (SyncService sync = new SyncService(outbox, link, fastConfig(3)).start()) {
          awaitDrained(outbox, sync, Duration.ofMinutes(4));
        }
        assertThat(proxy.count(Fault.Kind.SERVER_ERROR)).isPositive();
        assertThat(proxy.count(Fault.Kind.DUPLICATE)).isPositive();
        assertCentralHoldsExactlyTheJournal(world);
        assertThat(world.store.refusals().stream().map(CentralStore.RefusalRow::code))
            .as("duplicated deliveries are refused as replays")
            .contains("replayed");
      }
    }
  }

  @Test
  void aWeekOfOfflineWorkDrainsOnceTheLinkReturns() throws Exception {
    try (SyncWorld world = new SyncWorld(dir, database(dir), false)) {
      world.useClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-7)));
      world.writer(true);
      try (FaultProxy proxy = new FaultProxy(world.centralPort(), () -> Fault.PASS);
          JournalOutbox outbox = world.outbox()) {
        proxy.linkDown(true);
        CountingLink link = new CountingLink(world.link(proxy.port()));
        SyncConfig config =
            SyncConfig.defaults()
                .withPollInterval(Duration.ofMillis(200))
                .withBacklogLimit(Duration.ofHours(24));
        config =
            new SyncConfig(
                config.maxEntries(),
                config.maxBytes(),
                Duration.ofMillis(20),
                Duration.ofMillis(500),
                config.pollInterval(),
                config.backlogLimit(),
                config.inFlight());
        try (SyncService sync = new SyncService(outbox, link, config).start()) {
          world.append(100_000);
          world.closeWriter();
          sync.wake();
          await(() -> sync.status().pending() >= 100_000, Duration.ofSeconds(30), sync);
          SyncStatus offline = sync.status();
          assertThat(offline.online()).isFalse();
          assertThat(offline.backlogAlert()).isTrue();
          assertThat(offline.oldestPendingAge().orElseThrow()).isGreaterThan(Duration.ofDays(6));

          long t0 = System.nanoTime();
          proxy.linkDown(false);
          sync.wake();
          awaitDrained(outbox, sync, Duration.ofMinutes(5));
          LOG.info(
              "outage drain: {} entries in {} ms ({} batches)",
              outbox.lastSeq(),
              (System.nanoTime() - t0) / 1_000_000,
              link.acknowledged());
          // The cursor is stored before the service publishes the status that follows from it.
          await(() -> sync.status().pending() == 0, Duration.ofSeconds(10), sync);
          assertThat(sync.status().backlogAlert()).isFalse();
          assertThat(sync.status().online()).isTrue();
        }
        assertCentralHoldsExactlyTheJournal(world);
      }
    }
  }

  static void awaitDrained(JournalOutbox outbox, SyncService sync, Duration limit)
      throws Exception {
    await(
        () -> {
          try {
            return outbox.ackSeq() == outbox.lastSeq();
          } catch (Exception e) {
            return false;
          }
        },
        limit,
        sync);
  }

  static void await(BooleanSupplier done, Duration limit, SyncService sync)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within " + limit + "; sync status " + sync.status());
      }
      Thread.sleep(20);
    }
  }

  /** Same entries, same order, same bytes, each once; chains verify on both sides. */
  static void assertCentralHoldsExactlyTheJournal(SyncWorld world) throws Exception {
    try (JournalOutbox outbox = world.outbox()) {
      assertCentralHoldsExactlyTheJournal(world, outbox);
    }
  }

  private static void assertCentralHoldsExactlyTheJournal(SyncWorld world, JournalOutbox outbox)
      throws Exception {
    long last = outbox.lastSeq();
    List<SealedEntry> central = world.centralEntries(outbox.journalId());
    assertThat(central).hasSize((int) last);
    long seq = 0;
    while (seq < last) {
      SealedBatch local = outbox.read(seq, 5000, 64 << 20);
      for (SealedEntry e : local.entries()) {
        SealedEntry c = central.get((int) e.seq() - 1);
        assertThat(c.seq()).isEqualTo(e.seq());
        assertThat(c.header()).isEqualTo(e.header());
        assertThat(c.body()).isEqualTo(e.body());
        assertThat(c.hash()).isEqualTo(e.hash());
      }
      seq = local.to();
    }
    CentralStats.JournalStats stats = world.stats();
    assertThat(stats.entries()).isEqualTo(last);
    assertThat(stats.headSeq()).isEqualTo(last);
    assertThat(stats.chainOk()).isTrue();
    assertThat(
            world.store.refusals().stream()
                .map(CentralStore.RefusalRow::code)
                .filter(NEVER_ACCEPTABLE::contains)
                .collect(Collectors.toList()))
        .isEmpty();
    assertThat(outbox.ackSeq()).isEqualTo(last);
    VerifyReport report = JournalVerifier.verify(world.journal, Optional.empty());
    assertThat(report.valid()).as(report.toString()).isTrue();
  }
}
