package dev.pindesk.adapters.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.Problem.Kind;
import dev.pindesk.crypto.gm.Sm3Chain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tamper corpus: every edit an attacker with the file can make is found at the right entry. */
class JournalTamperTest {
  @TempDir static Path dir;
  static Path pristine;
  static Path other;
  static long event;
  static long checkpoint;
  static long lastCheckpoint;

  @BeforeAll
  static void writeJournals() throws Exception {
    pristine = TestJournals.write(dir.resolve("pristine.db"), 60, 10);
    other = TestJournals.write(dir.resolve("other.db"), 60, 10);
    try (Tamper t = Tamper.copyOf(pristine, dir.resolve("probe.db"))) {
      event = t.seqsOf(EntryKind.EVENT).get(20);
      List<Long> checkpoints = t.seqsOf(EntryKind.CHECKPOINT);
      checkpoint = checkpoints.get(2);
      lastCheckpoint = checkpoints.get(checkpoints.size() - 1);
    }
    assertThat(JournalVerifier.verify(pristine, Optional.empty()).valid()).isTrue();
  }

  private Problem verify(Path file) {
    VerifyReport report = JournalVerifier.verify(file, Optional.empty());
    assertThat(report.valid()).as("tampered journal must not verify").isFalse();
    return report.firstBad().orElseThrow();
  }

  private Path copy(String name) throws Exception {
    Path to = dir.resolve(name + ".db");
    Files.copy(pristine, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  @Test
  void detectsAFlippedByteInEveryHeaderFieldAtThatEntry() throws Exception {
    for (long seq : List.of(1L, event, checkpoint)) {
      for (int offset = 0; offset < EntryHeader.LENGTH; offset++) {
        Path file = copy("h" + seq + "_" + offset);
        try (Tamper t = Tamper.copyOf(pristine, file)) {
          t.flip(seq, "header", offset);
        }
        assertThat(verify(file).seq()).as("header byte %d of entry %d", offset, seq).isEqualTo(seq);
      }
    }
  }

  @Test
  void detectsAFlippedByteInBodiesAndStoredHashes() throws Exception {
    for (long seq : List.of(1L, event, checkpoint)) {
      for (String column : List.of("body", "hash")) {
        for (int offset : List.of(0, 17, 31)) {
          Path file = dir.resolve("b" + seq + column + offset + ".db");
          try (Tamper t = Tamper.copyOf(pristine, file)) {
            t.flip(seq, column, offset);
          }
          Problem p = verify(file);
          assertThat(p.seq()).isEqualTo(seq);
          assertThat(p.kind()).isEqualTo(Kind.CHAIN);
        }
      }
    }
  }

  @Test
  void detectsADeletedEntry() throws Exception {
    Path file = copy("deleted");
    try (Tamper t = Tamper.copyOf(pristine, file)) {
      t.sql("DELETE FROM entries WHERE seq = ?", event);
    }
    assertThat(verify(file))
        .extracting(Problem::seq, Problem::kind)
        .containsExactly(event, Kind.MISSING);
  }

  @Test
  void detectsSwappedEntries() throws Exception {
    Path file = copy("swapped");
    try (Tamper t = Tamper.copyOf(pristine, file)) {
      byte[] h1 = t.column(event, "header");
      byte[] b1 = t.column(event, "body");
      byte[] x1 = t.column(event, "hash");
      t.set(event, "header", t.column(event + 1, "header"));
      t.set(event, "body", t.column(event + 1, "body"));
      t.set(event, "hash", t.column(event + 1, "hash"));
      t.set(event + 1, "header", h1);
      t.set(event + 1, "body", b1);
      t.set(event + 1, "hash", x1);
    }
    assertThat(verify(file))
        .extracting(Problem::seq, Problem::kind)
        .containsExactly(event, Kind.CHAIN);
  }

  @Test
  void detectsADuplicatedEntry() throws Exception {
    Path file = copy("duplicated");
    long last;
    try (Tamper t = Tamper.copyOf(pristine, file)) {
      last = t.lastSeq();
      t.sql(
          "INSERT INTO entries SELECT ?, header, body, hash FROM entries WHERE seq = ?",
          last + 1,
          event);
    }
    assertThat(verify(file).seq()).isEqualTo(last + 1);
  }

  @Test
  void detectsAnEntrySplicedInFromAnotherJournal() throws Exception {
    Path file = copy("spliced");
    try (Tamper t = Tamper.copyOf(pristine, file);
        Tamper source = Tamper.copyOf(other, dir.resolve("other-copy.db"))) {
      for (String column : List.of("header", "body", "hash")) {
        t.set(event, column, source.column(event, column));
      }
    }
    assertThat(verify(file))
        .extracting(Problem::seq, Problem::kind)
        .containsExactly(event, Kind.FOREIGN);
  }

  @Test
  void detectsTruncationBeforeTheLastCheckpoint() throws Exception {
    Path file = copy("truncated");
    try (Tamper t = Tamper.copyOf(pristine, file)) {
      t.sql("DELETE FROM entries WHERE seq >= ?", checkpoint);
    }
    assertThat(verify(file))
        .extracting(Problem::seq, Problem::kind)
        .containsExactly(checkpoint, Kind.TRUNCATED);
  }

  @Test
  void detectsAnEditedCheckpointEvenWithTheChainRecomputed() throws Exception {
    Path file = copy("checkpoint");
    try (Tamper t = Tamper.copyOf(pristine, file)) {
      t.flip(checkpoint, "body", 50);
      rehash(t, checkpoint - 1);
    }
    assertThat(verify(file))
        .extracting(Problem::seq, Problem::kind)
        .containsExactly(checkpoint, Kind.CHECKPOINT);
  }

  @Test
  void detectsAChangedEventAtTheNextCheckpointWhenTheChainWasRecomputed() throws Exception {
    Path file = copy("rehashed");
    try (Tamper t = Tamper.copyOf(pristine, file)) {
      t.flip(event, "body", 3);
      rehash(t, event - 1);
      long next =
          t.seqsOf(EntryKind.CHECKPOINT).stream().filter(s -> s > event).findFirst().orElseThrow();
      assertThat(verify(file))
          .extracting(Problem::seq, Problem::kind)
          .containsExactly(next, Kind.CHECKPOINT);
    }
  }

  @Test
  void detectsAnEditedLatestCheckpointRecord() throws Exception {
    Path file = copy("pointer");
    try (Tamper t = Tamper.copyOf(pristine, file)) {
      t.sql("UPDATE journal_meta SET last_checkpoint_seq = ?", checkpoint);
    }
    assertThat(verify(file).kind()).isEqualTo(Kind.CHECKPOINT);
  }

  @Test
  void detectsAnEditedFileHeader() throws Exception {
    Path file = copy("header");
    try (Tamper t = Tamper.copyOf(pristine, file)) {
      t.sql(
          "UPDATE journal_meta SET header = substr(header, 1, 30) || x'00' || substr(header, 32)");
    }
    Problem p = verify(file);
    assertThat(p.seq()).isZero();
    assertThat(p.kind()).isIn(Kind.HEADER_SIGNATURE, Kind.CORRUPT);
  }

  @Test
  void reportsFilesThatAreNotJournals() throws Exception {
    Path text =
        Files.writeString(
            dir.resolve("notes.txt"), "hello, I am not a database at all\n".repeat(200));
    assertThat(verify(text).kind()).isEqualTo(Kind.NOT_A_JOURNAL);
    Path empty = Files.createFile(dir.resolve("empty.db"));
    assertThat(verify(empty).kind()).isEqualTo(Kind.NOT_A_JOURNAL);
    assertThat(verify(dir.resolve("absent.db")).kind()).isEqualTo(Kind.UNREADABLE);
    Path otherDb = dir.resolve("other-sqlite.db");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + otherDb)) {
      c.createStatement().executeUpdate("CREATE TABLE t (x)");
    }
    assertThat(verify(otherDb).kind()).isEqualTo(Kind.NOT_A_JOURNAL);
  }

  @Test
  void detectsAJournalCutInTheMiddleOfTheFile() throws Exception {
    byte[] bytes = Files.readAllBytes(pristine);
    Path cut = Files.write(dir.resolve("cut.db"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(JournalVerifier.verify(cut, Optional.empty()).valid()).isFalse();
  }

  /** Recomputes every stored hash after {@code from}, as a careful attacker would. */
  private static void rehash(Tamper t, long from) throws Exception {
    byte[] head = t.column(from, "hash");
    for (long s = from + 1; s <= t.lastSeq(); s++) {
      head = Sm3Chain.link(head, s, t.column(s, "header"), t.column(s, "body"));
      t.set(s, "hash", head);
    }
  }
}
