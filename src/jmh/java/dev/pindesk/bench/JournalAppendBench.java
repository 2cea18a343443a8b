package dev.pindesk.bench;

import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.Person;
import dev.pindesk.domain.audit.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

/**
 * Durable append latency (the clerk waits for it at every wizard step) next to its floor: a bare
 * SQLite insert of a row of the same byte size with the same durability (WAL, {@code
 * synchronous=FULL}, one transaction per row). Both write to a temp directory on the same disk, so
 * the difference is the journal's own work (canonical JSON, SM4-GCM, SM3, checkpoint signing).
 * Sample mode: JMH reports p50/p90/p99/p99.9 per benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class JournalAppendBench {
  private Path dir;
  private SqliteJournalStore store;
  private AuditEvent event;
  private Connection bare;
  private PreparedStatement bareInsert;
  private byte[] bareHeader;
  private byte[] bareBody;
  private byte[] bareHash;
  private long bareSeq;

  @Setup(Level.Trial)
  public void open() throws Exception {
    dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))), "jbench");
    Sm2KeyPair workstation = Sm2.generate();
    Sm2KeyPair supervisor = Sm2.generate();
    Path journal = dir.resolve("journal.db");
    store =
        SqliteJournalStore.open(
            journal, StoreOptions.of("BENCH-WS-01", workstation, supervisor.publicKey(), true));
    event =
        AuditEvent.caseStep(
                "C00012345",
                ServiceKind.RESET,
                HolderKind.AGENT,
                AuditStep.PIN_WRITTEN,
                AuditOutcome.OK,
                "clerk-07")
            .withCardHolder(new Person("11010519491231002X", "张三丰"))
            .withAgent(new Person("110105198001010019", "李四"));
    long seq = store.append(event);
    int bodyLength = bodyLength(journal, seq);

    bare = openBare(dir.resolve("bare.db"));
    Random random = new Random(1);
    bareHeader = new byte[30];
    bareBody = new byte[bodyLength];
    bareHash = new byte[32];
    random.nextBytes(bareHeader);
    random.nextBytes(bareBody);
    random.nextBytes(bareHash);
    System.out.printf("%nevent entry: seq 8 + header 30 + body %d + hash 32 bytes%n", bodyLength);
  }

  /** The stored body length of the entry just appended (read through a second connection). */
  private static int bodyLength(Path journal, long seq) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal);
        PreparedStatement ps = c.prepareStatement("SELECT length(body) FROM entries WHERE seq=?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private Connection openBare(Path file) throws Exception {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection c = config.createConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "CREATE TABLE entries (seq INTEGER PRIMARY KEY, header BLOB NOT NULL,"
              + " body BLOB NOT NULL, hash BLOB NOT NULL)");
    }
    c.setAutoCommit(false);
    bareInsert = c.prepareStatement("INSERT INTO entries VALUES (?, ?, ?, ?)");
    return c;
  }

  @Benchmark
  public long durableAppend() throws Exception {
    return store.append(event);
  }

  @Benchmark
  public long bareSqliteInsert() throws Exception {
    long n = ++bareSeq;
    bareInsert.setLong(1, n);
    bareInsert.setBytes(2, bareHeader);
    bareInsert.setBytes(3, bareBody);
    bareInsert.setBytes(4, bareHash);
    bareInsert.executeUpdate();
    bare.commit();
    return n;
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    store.close();
    bare.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
