package dev.pindesk.bench;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.adapters.central.CentralIdentity;
import dev.pindesk.adapters.central.CentralServer;
import dev.pindesk.adapters.central.CentralStore;
import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.HttpCentralLink;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.Person;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.service.sync.SyncConfig;
import dev.pindesk.service.sync.SyncService;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Issue 6's sync target, measured: draining N journal entries (default 100,000) to the central over
 * loopback HTTPS — the real {@link SyncService} and {@link HttpCentralLink} against the real
 * central on SQLite, chain checked, stored durably, receipts signed and verified — against sending
 * the same bytes (every batch the drain sends, concatenated) in one plain HTTPS upload to a sink
 * that writes them to a file and fsyncs, same TLS key, same run. Alternates the two, prints each
 * time, the medians and their ratio (target ≤ 2).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.pindesk.bench.SyncDrainComparison 3 100000
 * </pre>
 */
public final class SyncDrainComparison {
  private SyncDrainComparison() {}

  public static void main(String[] args) throws Exception {
    // As `central serve` has it (CentralServer sets it before the JDK server classes load; here
    // the sink's server would load them first, and the setting is read only once).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int entries = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path dir = BenchDirs.temporary("pindesk-drain-bench");
    Path keys = KeyFiles.ensureTrainingKeys(dir.resolve("keys"));
    Sm2KeyPair ws = KeyFiles.workstation(keys);
    Path journal = dir.resolve("journal.db");
    writeJournal(journal, keys, ws, entries);
    Files.createDirectories(dir.resolve("central"));
    CentralIdentity identity =
        CentralIdentity.loadOrCreate(dir.resolve("central").resolve("central.crt"));
    byte[] plain = allBatchBytes(journal);
    System.out.printf(
        "journal: %d entries, %.1f MB as batches (%d bytes/entry)%n",
        entries, plain.length / 1e6, plain.length / Math.max(1, entries));

    List<Long> drains = new ArrayList<>();
    List<Long> uploads = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      Path sink = dir.resolve("sink-" + round);
      Path central = dir.resolve("central-" + round);
      Files.createDirectories(central);
      long upload = plainUpload(identity, plain, sink);
      long drain = drain(identity, ws, journal, central.resolve("central.db"));
      // Every round starts from the same disk: what a round wrote goes before the next.
      BenchDirs.delete(sink);
      BenchDirs.delete(central);
      uploads.add(upload);
      drains.add(drain);
      System.out.printf(
          "round %d: plain upload %d ms, drain %d ms (%.2fx)%n",
          round, upload, drain, (double) drain / upload);
    }
    long u = median(uploads);
    long d = median(drains);
    System.out.printf(
        "median: plain upload %d ms, drain %d ms, ratio %.2f (target <= 2.0)%n",
        u, d, (double) d / u);
  }

  /** A journal of {@code entries} case events (training keys, no fsync per append). */
  static void writeJournal(Path journal, Path keys, Sm2KeyPair ws, int entries) throws Exception {
    StoreOptions options =
        StoreOptions.of("WS-BENCH-01", ws, KeyFiles.publicKey(keys.resolve("supervisor.pub")), true)
            .withoutDurability();
    try (SqliteJournalStore store = SqliteJournalStore.open(journal, options)) {
      for (int i = 0; i < entries; i++) {
        store.append(
            AuditEvent.caseStep(
                    "C" + (100000 + i / 6),
                    ServiceKind.values()[i % 3],
                    HolderKind.values()[i % 2],
                    AuditStep.values()[i % 10],
                    AuditOutcome.OK,
                    "clerk-01")
                .withCardHolder(new Person("110101198604120243", "李秀英")));
      }
    }
  }

  /** Every batch the drain will send, encoded as on the wire, concatenated. */
  private static byte[] allBatchBytes(Path journal) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (JournalOutbox outbox = JournalOutbox.open(journal)) {
      long after = 0;
      while (after < outbox.lastSeq()) {
        SealedBatch batch = outbox.read(after, SyncConfig.MAX_ENTRIES, SyncConfig.MAX_BYTES);
        all.write(BatchCodec.encode(batch));
        after = batch.to();
      }
    }
    return all.toByteArray();
  }

  /**
   * Drains {@code journal} from its first entry into a fresh central on {@code db} (SQLite) over
   * loopback HTTPS; returns the milliseconds the drain itself took (without the central's start).
   */
  static long drain(CentralIdentity identity, Sm2KeyPair ws, Path journal, Path db)
      throws Exception {
    try (CentralDatabase database = CentralDatabase.sqlite(db)) {
      CentralStore store = new CentralStore(database);
      store.enroll(ws.publicKey(), Optional.of("bench"), System.currentTimeMillis());
      try (CentralServer server =
          CentralServer.start(store, identity, CentralServer.Options.loopback(0))) {
        JournalOutbox outbox = JournalOutbox.open(journal);
        outbox.forgetCursor();
        HttpCentralLink link =
            new HttpCentralLink(
                server.uri(), HttpCentralLink.readCertificate(identity.certificateFile()), ws);
        long t0 = System.nanoTime();
        SyncStatus status;
        try (SyncService sync = new SyncService(outbox, link, config())) {
          status = sync.drainUntilDone();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (status.pending() != 0) {
          throw new IllegalStateException("drain incomplete: " + status);
        }
        return ms;
      }
    }
  }

  /** The default sync configuration, or batches of {@code -Dpindesk.bench.batch=N} entries. */
  private static SyncConfig config() {
    SyncConfig defaults = SyncConfig.defaults();
    int entries = Integer.getInteger("pindesk.bench.batch", defaults.maxEntries());
    return defaults.withBatchLimits(entries, Math.max(defaults.maxBytes(), entries * 512));
  }

  /** One POST of {@code bytes} to a sink that writes them to {@code file} and fsyncs. */
  private static long plainUpload(CentralIdentity identity, byte[] bytes, Path file)
      throws Exception {
    HttpsServer sink =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    sink.setHttpsConfigurator(new HttpsConfigurator(identity.sslContext()));
    sink.setExecutor(Executors.newFixedThreadPool(2));
    sink.createContext(
        "/upload",
        exchange -> {
          try (InputStream in = exchange.getRequestBody();
              FileChannel out =
                  FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            OutputStream os = java.nio.channels.Channels.newOutputStream(out);
            in.transferTo(os);
            out.force(true);
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    sink.start();
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "central", HttpCentralLink.readCertificate(identity.certificateFile()));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      HttpClient client =
          HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
      long t0 = System.nanoTime();
      HttpResponse<Void> r =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("https://localhost:" + sink.getAddress().getPort() + "/upload"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (r.statusCode() != 204) {
        throw new IllegalStateException("sink answered " + r.statusCode());
      }
      return ms;
    } finally {
      sink.stop(0);
      ((java.util.concurrent.ExecutorService) sink.getExecutor()).shutdown();
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
