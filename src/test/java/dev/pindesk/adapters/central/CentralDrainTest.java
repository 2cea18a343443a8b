package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A week's backlog drained into a fresh central (SQLite, and PostgreSQL when available) over HTTPS:
 * 100,000 entries (override with {@code -Dpindesk.drain.entries=N}) in 2,000-entry batches, timed
 * per batch. The numbers go to the test's output (target/surefire-reports/*-output.txt) for
 * docs/benchmarks.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CentralDrainTest {
  private static final Logger LOG = LoggerFactory.getLogger(CentralDrainTest.class);
  private static final int BATCH = 2_000;

  private Path dir; // one per class, deleted by JUnit after its last test
  private Sm2KeyPair keys;
  private TestJournal journal;
  private long writeMillis;

  /** One journal with the counter's defaults (checkpoint every 1,000, new key every 10,000). */
  @BeforeAll
  void writeJournal(@TempDir Path classDir) throws Exception {
    dir = classDir;
    int events = Integer.getInteger("pindesk.drain.entries", 100_000);
    keys = Sm2.generate();
    long t0 = System.nanoTime();
    journal =
        TestJournal.write(
            dir.resolve("journal.db"),
            StoreOptions.of("WS-DRAIN", keys, TestJournal.SUPERVISOR.publicKey(), true),
            events);
    writeMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void drainsAWeekOfEntriesIntoSqlite() throws Exception {
    try (CentralDatabase db = CentralDatabase.sqlite(dir.resolve("central.db"))) {
      drain(db, "SQLite");
    }
  }

  @Test
  void drainsAWeekOfEntriesIntoPostgres() throws Exception {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create("drain");
        CentralDatabase db = CentralDatabase.jdbc(pg.url())) {
      drain(db, "PostgreSQL");
    }
  }

  private void drain(CentralDatabase db, String vendor) throws Exception {
    TestJournal j = journal;
    CentralStore store = new CentralStore(db);
    store.enroll(keys.publicKey(), Optional.empty(), System.currentTimeMillis());
    Path certDir = Files.createDirectories(dir.resolve(vendor));
    CentralIdentity identity = CentralIdentity.loadOrCreate(certDir.resolve("central.crt"));
    try (CentralServer server =
        CentralServer.start(store, identity, CentralServer.Options.loopback(0))) {
      TestCentralClient client = new TestCentralClient(server.uri(), identity.certificateFile());
      int batches = (int) ((j.lastSeq() + BATCH - 1) / BATCH);
      long[] millis = new long[batches];
      long start = System.nanoTime();
      for (int b = 0; b < batches; b++) {
        long from = 1 + (long) b * BATCH;
        long to = Math.min(j.lastSeq(), from + BATCH - 1);
        long s = System.nanoTime();
        TestCentralClient.Response r = client.post(keys, j.batch(from, to));
        millis[b] = (System.nanoTime() - s) / 1_000_000;
        assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
        Receipt receipt = ReceiptCodec.fromJson(r.json());
        assertThat(receipt.ackSeq()).isEqualTo(to);
        assertThat(receipt.head()).isEqualTo(j.hashAt(to));
      }
      long total = (System.nanoTime() - start) / 1_000_000;
      long[] sorted = millis.clone();
      Arrays.sort(sorted);
      String report =
          String.format(
              "drain into %s: %d entries (journal written in %d ms) in %d batches of %d over"
                  + " HTTPS: total %d ms, per batch median %d ms, p90 %d ms, max %d ms",
              vendor,
              j.lastSeq(),
              writeMillis,
              batches,
              BATCH,
              total,
              sorted[batches / 2],
              sorted[(int) (batches * 0.9)],
              sorted[batches - 1]);
      System.out.println(report);
      LOG.info(report);
      assertThat(store.entries(j.journalHex(), 0, Long.MAX_VALUE)).hasSize((int) j.lastSeq());
      assertThat(CentralStats.collect(store))
          .singleElement()
          .satisfies(s -> assertThat(s.chainOk()).isTrue());
      // Generous bound for a loaded 2-core machine; the measured numbers are in the report.
      assertThat(sorted[batches / 2]).isLessThan(2_000);
    }
  }
}
