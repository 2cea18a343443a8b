package dev.pindesk.bench;

import dev.pindesk.adapters.central.BatchIntake;
import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.adapters.central.CentralIdentity;
import dev.pindesk.adapters.central.CentralStore;
import dev.pindesk.adapters.journal.ChainCursor;
import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import dev.pindesk.service.sync.SyncConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a drain's time goes, stage by stage, on a journal written by {@link SyncDrainComparison}'s
 * generator: reading batches from the outbox, encoding, the request digest, decoding, chain links,
 * and the central's intake (chain + durable insert + signed receipt) without HTTP.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.pindesk.bench.SyncDrainBreakdown 100000
 * </pre>
 */
public final class SyncDrainBreakdown {
  private SyncDrainBreakdown() {}

  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = BenchDirs.temporary("pindesk-drain-breakdown");
    Path keys = KeyFiles.ensureTrainingKeys(dir.resolve("keys"));
    Sm2KeyPair ws = KeyFiles.workstation(keys);
    Path journal = dir.resolve("journal.db");
    SyncDrainComparison.writeJournal(journal, keys, ws, entries);
    for (int round = 1; round <= 3; round++) {
      System.out.println("round " + round);
      long t = System.nanoTime();
      List<SealedBatch> batches = new ArrayList<>();
      try (JournalOutbox outbox = JournalOutbox.open(journal)) {
        long after = 0;
        while (after < outbox.lastSeq()) {
          SealedBatch b = outbox.read(after, SyncConfig.MAX_ENTRIES, SyncConfig.MAX_BYTES);
          batches.add(b);
          after = b.to();
        }
      }
      t = lap("outbox read", t);
      List<byte[]> bodies = new ArrayList<>();
      for (SealedBatch b : batches) {
        bodies.add(BatchCodec.encode(b));
      }
      t = lap("encode", t);
      for (SealedBatch b : batches) {
        RequestAuth.headers(
            ws.publicKey(), ws.privateKey(), "POST", "/v1/batches", RequestAuth.content(b), 0);
      }
      t = lap("request signatures (summary + sm2 sign)", t);
      List<SealedBatch> decoded = new ArrayList<>();
      for (byte[] b : bodies) {
        decoded.add(BatchCodec.decode(b));
      }
      t = lap("decode", t);
      ChainCursor cursor =
          ChainCursor.genesis(decoded.get(0).journalHeader(), decoded.get(0).headerSignature());
      for (SealedBatch b : decoded) {
        for (SealedEntry e : b.entries()) {
          cursor.accept(e.seq(), e.header(), e.body(), e.hash());
        }
      }
      t = lap("chain cursor (links + checkpoints)", t);
      byte[] sig = Sm2.sign(ws.privateKey(), new byte[100]);
      for (int i = 0; i < batches.size(); i++) {
        Sm2.verify(ws.publicKey(), new byte[100], sig);
      }
      t = lap(batches.size() + " sm2 verifies", t);
      Files.createDirectories(dir.resolve("central-" + round));
      CentralIdentity identity =
          CentralIdentity.loadOrCreate(dir.resolve("central-" + round).resolve("central.crt"));
      try (CentralDatabase database = CentralDatabase.sqlite(dir.resolve("c" + round + ".db"))) {
        CentralStore store = new CentralStore(database);
        CentralStore.Workstation sender =
            store.enroll(ws.publicKey(), Optional.of("bench"), System.currentTimeMillis())
                .workstation();
        BatchIntake intake = new BatchIntake(store, identity.privateKey(), Clock.systemUTC());
        t = lap("central setup", t);
        for (SealedBatch b : decoded) {
          intake.apply(sender, b);
        }
        lap("central intake (chain + insert + receipt)", t);
      }
    }
  }

  private static long cpu0 = cpu();

  /** Prints wall and process CPU time since the previous lap (CPU stays honest on a busy box). */
  private static long lap(String what, long t0) {
    long now = System.nanoTime();
    long cpu = cpu();
    System.out.printf(
        "  %-45s %6d ms wall %6d ms cpu%n", what, (now - t0) / 1_000_000, (cpu - cpu0) / 1_000_000);
    cpu0 = cpu;
    return now;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
