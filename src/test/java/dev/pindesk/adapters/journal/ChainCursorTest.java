package dev.pindesk.adapters.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pindesk.adapters.journal.ChainCursor.ChainException;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm3Chain;
import dev.pindesk.domain.sync.SealedEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The central's incremental chain check, fed with a real journal's rows batch by batch. */
class ChainCursorTest {
  record Row(long seq, byte[] header, byte[] body, byte[] hash) {}

  record Shipped(byte[] header, byte[] signature, List<Row> rows) {}

  @TempDir static Path dir;
  static Shipped journal;
  static Shipped other;
  static Shipped big;

  @BeforeAll
  static void write() throws Exception {
    journal = read(TestJournals.write(dir.resolve("a.db"), 130, 20));
    other = read(TestJournals.write(dir.resolve("b.db"), 30, 20));
    big = read(TestJournals.write(dir.resolve("c.db"), 2600, 20));
  }

  static Shipped read(Path file) throws Exception {
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      List<Row> rows = new ArrayList<>();
      for (SealedEntry e : outbox.read(0, Integer.MAX_VALUE, Integer.MAX_VALUE).entries()) {
        rows.add(new Row(e.seq(), e.header(), e.body(), e.hash()));
      }
      return new Shipped(outbox.header(), outbox.headerSignature(), rows);
    }
  }

  /** A cursor after entry {@code seq}, resumed from what the central would have stored. */
  private static ChainCursor resumedAfter(long seq) throws ChainException {
    ChainCursor walk = ChainCursor.genesis(journal.header(), journal.signature());
    for (Row r : journal.rows().subList(0, (int) seq)) {
      walk.accept(r.seq(), r.header(), r.body(), r.hash());
    }
    return ChainCursor.resume(
        journal.header(), walk.lastSeq(), walk.head(), walk.segment(), walk.lastCheckpointSeq());
  }

  private static ChainException refusal(ChainCursor c, Row r) {
    return catchThrowableOfType(
        ChainException.class, () -> c.accept(r.seq(), r.header(), r.body(), r.hash()));
  }

  @Test
  void acceptsARealJournalInBatchesResumingFromTheStoredHead() throws Exception {
    ChainCursor cursor = ChainCursor.genesis(journal.header(), journal.signature());
    assertThat(cursor.lastSeq()).isZero();
    assertThat(cursor.workstationId()).isEqualTo("WS-TEST-01");
    assertThat(cursor.signedBy(TestJournals.WORKSTATION.publicKey())).isTrue();
    int size = 17;
    for (int from = 0; from < journal.rows().size(); from += size) {
      ChainCursor next =
          ChainCursor.resume(
              journal.header(),
              cursor.lastSeq(),
              cursor.head(),
              cursor.segment(),
              cursor.lastCheckpointSeq());
      for (Row r : journal.rows().subList(from, Math.min(from + size, journal.rows().size()))) {
        next.accept(r.seq(), r.header(), r.body(), r.hash());
      }
      cursor = next;
    }
    Row last = journal.rows().get(journal.rows().size() - 1);
    assertThat(cursor.lastSeq()).isEqualTo(last.seq());
    assertThat(cursor.head()).isEqualTo(last.hash());
    assertThat(cursor.lastCheckpointSeq()).isEqualTo(last.seq()); // closed with a checkpoint
  }

  /** What the central does: links computed ahead on a pool, rules applied from {@code from}. */
  private static void acceptPrelinked(ChainCursor cursor, List<Row> rows, int from)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      ChainLinks links = new ChainLinks(pool);
      links.header(big.header());
      for (Row r : rows) {
        links.add(new SealedEntry(r.seq(), r.header(), r.body(), r.hash()));
      }
      cursor.acceptAll(links, from);
    } finally {
      pool.shutdownNow();
    }
  }

  private static ChainCursor bigResumedAfter(long seq) throws ChainException {
    ChainCursor walk = ChainCursor.genesis(big.header(), big.signature());
    for (Row r : big.rows().subList(0, (int) seq)) {
      walk.accept(r.seq(), r.header(), r.body(), r.hash());
    }
    return ChainCursor.resume(
        big.header(), walk.lastSeq(), walk.head(), walk.segment(), walk.lastCheckpointSeq());
  }

  @Test
  void linksComputedAheadGiveTheSameHeadOverSeveralChunksAndFromInsideTheBatch() throws Exception {
    ChainCursor fromGenesis = ChainCursor.genesis(big.header(), big.signature());
    acceptPrelinked(fromGenesis, big.rows(), 0);
    Row last = big.rows().get(big.rows().size() - 1);
    assertThat(fromGenesis.lastSeq()).isEqualTo(last.seq());
    assertThat(fromGenesis.head()).isEqualTo(last.hash());
    // A batch from entry 1000 reaching a central that already holds up to 1500.
    ChainCursor overlapping = bigResumedAfter(1500);
    acceptPrelinked(overlapping, big.rows().subList(999, big.rows().size()), 1500 - 999);
    assertThat(overlapping.lastSeq()).isEqualTo(last.seq());
    assertThat(overlapping.head()).isEqualTo(last.hash());
  }

  @Test
  void linksComputedAheadStillRefuseAChangedEntryInALaterChunk() throws Exception {
    List<Row> rows = new ArrayList<>(big.rows());
    Row r = rows.get(2100);
    byte[] body = r.body().clone();
    body[5] ^= 1;
    rows.set(2100, new Row(r.seq(), r.header(), body, r.hash()));
    ChainCursor c = ChainCursor.genesis(big.header(), big.signature());
    ChainException e =
        catchThrowableOfType(ChainException.class, () -> acceptPrelinked(c, rows, 0));
    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CHAIN);
    assertThat(e.problem().seq()).isEqualTo(2101);
    assertThat(c.lastSeq()).isEqualTo(2100);
  }

  @Test
  void theFirstEntryAcceptedMustLinkToTheStoredHead() throws Exception {
    ChainCursor c = resumedAfter(40);
    List<Row> rows = new ArrayList<>(journal.rows().subList(40, 60));
    Row first = rows.get(0);
    byte[] body = first.body().clone();
    body[2] ^= 1;
    rows.set(0, new Row(first.seq(), first.header(), body, first.hash()));
    ChainException e =
        catchThrowableOfType(ChainException.class, () -> acceptPrelinked(c, rows, 0));
    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CHAIN);
    assertThat(e.problem().seq()).isEqualTo(41);
  }

  @Test
  void refusesAGap() throws Exception {
    ChainCursor c = resumedAfter(40);
    ChainException e = refusal(c, journal.rows().get(41));
    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.MISSING);
    assertThat(e.problem().seq()).isEqualTo(41);
    assertThat(c.lastSeq()).isEqualTo(40);
  }

  @Test
  void refusesAChangedBody() throws Exception {
    ChainCursor c = resumedAfter(50);
    Row r = journal.rows().get(50);
    byte[] body = r.body().clone();
    body[3] ^= 1;
    ChainException e = refusal(c, new Row(r.seq(), r.header(), body, r.hash()));
    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CHAIN);
    assertThat(e.problem().seq()).isEqualTo(51);
  }

  @Test
  void refusesAnEntryOfAnotherJournal() throws Exception {
    ChainCursor c = resumedAfter(10);
    ChainException e = refusal(c, other.rows().get(10));
    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.FOREIGN);
  }

  @Test
  void refusesACheckpointWithABadSignatureEvenWhenItsHashIsRecomputed() throws Exception {
    int checkpointIndex = -1;
    for (int i = 0; i < journal.rows().size(); i++) {
      if (journal.rows().get(i).header()[1] == 3) {
        checkpointIndex = i;
        break;
      }
    }
    assertThat(checkpointIndex).isPositive();
    ChainCursor c = resumedAfter(checkpointIndex);
    Row cp = journal.rows().get(checkpointIndex);
    byte[] body = cp.body().clone();
    body[body.length - 1] ^= 1; // inside the signature
    byte[] previous = journal.rows().get(checkpointIndex - 1).hash();
    byte[] hash = Sm3Chain.link(previous, cp.seq(), cp.header(), body);
    ChainException e = refusal(c, new Row(cp.seq(), cp.header(), body, hash));
    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CHECKPOINT);
    assertThat(e.problem().seq()).isEqualTo(cp.seq());
  }

  @Test
  void aBadCheckpointSignatureIsRefusedWhenSignaturesAreCheckedAheadToo() throws Exception {
    int cpIndex = -1;
    for (int i = 1500; i < big.rows().size(); i++) {
      if (big.rows().get(i).header()[1] == 3) {
        cpIndex = i;
        break;
      }
    }
    assertThat(cpIndex).isPositive();
    // The checkpoint's signature changed and the chain rebuilt from it to the end.
    List<Row> rows = new ArrayList<>(big.rows());
    byte[] previous = rows.get(cpIndex - 1).hash();
    for (int i = cpIndex; i < rows.size(); i++) {
      Row r = rows.get(i);
      byte[] body = r.body();
      if (i == cpIndex) {
        body = body.clone();
        body[body.length - 1] ^= 1; // inside the signature
      }
      byte[] hash = Sm3Chain.link(previous, r.seq(), r.header(), body);
      rows.set(i, new Row(r.seq(), r.header(), body, hash));
      previous = hash;
    }
    ChainCursor c = ChainCursor.genesis(big.header(), big.signature());
    ChainException e =
        catchThrowableOfType(ChainException.class, () -> acceptPrelinked(c, rows, 0));
    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CHECKPOINT);
    assertThat(e.problem().seq()).isEqualTo(rows.get(cpIndex).seq());
  }

  @Test
  void refusesAHeaderWhoseSignatureIsNotItsWorkstations() {
    byte[] forged = Sm2.sign(Sm2.generate().privateKey(), journal.header());
    ChainException e =
        catchThrowableOfType(
            ChainException.class, () -> ChainCursor.genesis(journal.header(), forged));
    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.HEADER_SIGNATURE);
  }
}
