package dev.pindesk.it.sync;

import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.adapters.central.CentralIdentity;
import dev.pindesk.adapters.central.CentralServer;
import dev.pindesk.adapters.central.CentralStats;
import dev.pindesk.adapters.central.CentralStore;
import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.sync.HttpCentralLink;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.audit.Person;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.sync.SealedEntry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One workstation and one central, both real: a journal written by {@link SqliteJournalStore} with
 * training keys on disk, a central on a real database behind a real HTTPS (or, for the
 * duplicate/5xx faults, plain loopback HTTP) server, restartable on a new port.
 */
final class SyncWorld implements AutoCloseable {
  static final String WORKSTATION = "WS-SYNC-01";

  final Path dir;
  final Path keys;
  final Path journal;
  final Sm2KeyPair workstationKeys;
  final CentralStore store;
  final CentralIdentity identity;
  final boolean plainHttp;
  private final CentralDatabase database;
  private CentralServer server;
  private SqliteJournalStore writer;
  private Clock clock = Clock.systemUTC();

  SyncWorld(Path dir, CentralDatabase database, boolean plainHttp) throws Exception {
    this.dir = dir;
    this.database = database;
    this.plainHttp = plainHttp;
    this.keys = KeyFiles.ensureTrainingKeys(dir.resolve("keys"));
    this.journal = dir.resolve("journal.db");
    this.workstationKeys = KeyFiles.workstation(keys);
    this.store = new CentralStore(database);
    this.identity =
        CentralIdentity.loadOrCreate(
            java.nio.file.Files.createDirectories(dir.resolve("central")).resolve("central.crt"));
    store.enroll(workstationKeys.publicKey(), Optional.of("sync test"), System.currentTimeMillis());
    startCentral();
  }

  /** Entries appended from now on carry this clock's time (a simulated outage long ago). */
  void useClock(Clock c) {
    this.clock = c;
  }

  /** Opens the journal for appending (non-durable for speed when {@code fast}). */
  SqliteJournalStore writer(boolean fast) throws JournalException, IOException {
    if (writer == null) {
      StoreOptions options =
          StoreOptions.of(
                  WORKSTATION,
                  workstationKeys,
                  KeyFiles.publicKey(keys.resolve(KeyFiles.SUPERVISOR_PUB)),
                  true)
              .withCheckpointEvery(100)
              .withClock(clock);
      writer = SqliteJournalStore.open(journal, fast ? options.withoutDurability() : options);
    }
    return writer;
  }

  void append(int events) throws Exception {
    SqliteJournalStore w = writer(true);
    for (int i = 0; i < events; i++) {
      w.append(event(i));
    }
  }

  static AuditEvent event(int i) {
    return AuditEvent.caseStep(
            "C" + (100000 + i / 6),
            ServiceKind.values()[i % 3],
            HolderKind.values()[i % 2],
            AuditStep.values()[i % 10],
            AuditOutcome.OK,
            "clerk-01")
        .withCardHolder(new Person("110101198604120243", "李秀英"));
  }

  void closeWriter() throws JournalException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }

  void startCentral() throws IOException {
    CentralServer.Options options = CentralServer.Options.loopback(0);
    server = CentralServer.start(store, identity, plainHttp ? options.withInsecureHttp() : options);
  }

  int centralPort() {
    return server.port();
  }

  /** Stops the central (connections in flight are cut) and starts it again on a new port. */
  int restartCentral() throws IOException {
    server.close();
    startCentral();
    return server.port();
  }

  X509Certificate certificate() throws IOException {
    return HttpCentralLink.readCertificate(identity.certificateFile());
  }

  /** A link to {@code port} on loopback with short timeouts (faults must not stall the test). */
  HttpCentralLink link(int port) throws IOException {
    String scheme = plainHttp ? "http" : "https";
    return new HttpCentralLink(
        URI.create(scheme + "://localhost:" + port),
        certificate(),
        workstationKeys,
        Clock.systemUTC(),
        Duration.ofSeconds(2),
        Duration.ofMillis(1500));
  }

  JournalOutbox outbox() throws JournalException {
    return JournalOutbox.open(journal);
  }

  /** Every entry the central holds for this journal, in order. */
  List<SealedEntry> centralEntries(byte[] journalId) throws SQLException {
    return store.entries(Hex.of(journalId), 1, Long.MAX_VALUE);
  }

  CentralStats.JournalStats stats() throws SQLException {
    return CentralStats.collect(store).stream()
        .filter(s -> !s.journalId().isEmpty())
        .findFirst()
        .orElseThrow();
  }

  @Override
  public void close() throws Exception {
    closeWriter();
    if (server != null) {
      server.close();
    }
    database.close();
  }
}
