package dev.pindesk.bench;

import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.journal.VerifyReport;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.service.audit.SteppingClock;
import dev.pindesk.service.audit.SyntheticJournalGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * {@code journal verify} throughput on a realistic training journal of about {@code entries}
 * entries (generated once per trial, without fsync). The score is whole verifications per second;
 * the {@code entries} auxiliary counter is entries verified per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = "-Xmx512m")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class JournalVerifyBench {
  /** Cases to generate; a case is about 8.7 entries, so 11,500 cases give about 100,000. */
  private static final int CASES = Integer.getInteger("bench.cases", 11_500);

  private Path dir;
  private Path journal;
  long entriesPerJournal;

  /** Entries per second, as a JMH auxiliary counter. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Entries {
    public long entries;
  }

  @Setup(Level.Trial)
  public void generate() throws Exception {
    dir =
        Files.createTempDirectory(
            Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))),
            "jverify");
    journal = dir.resolve("journal.db");
    Sm2KeyPair workstation = Sm2.generate();
    Sm2KeyPair supervisor = Sm2.generate();
    SteppingClock clock = new SteppingClock(Instant.parse("2025-03-03T01:00:00Z"));
    StoreOptions options =
        StoreOptions.of("BENCH-WS-01", workstation, supervisor.publicKey(), true)
            .withClock(clock)
            .withoutDurability();
    try (SqliteJournalStore store = SqliteJournalStore.open(journal, options)) {
      new SyntheticJournalGenerator(1, clock, store).generate(CASES);
    }
    VerifyReport report = JournalVerifier.verify(journal, Optional.empty());
    if (!report.valid()) {
      throw new IllegalStateException("generated journal does not verify");
    }
    entriesPerJournal = report.entries();
    System.out.printf(
        "%njournal: %d entries, %d bytes (%.0f bytes/entry)%n",
        entriesPerJournal,
        Files.size(journal),
        (double) Files.size(journal) / entriesPerJournal);
  }

  @Benchmark
  public VerifyReport verify(Entries counter) {
    VerifyReport report = JournalVerifier.verify(journal, Optional.empty());
    counter.entries += report.entries();
    return report;
  }

  @TearDown(Level.Trial)
  public void delete() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
