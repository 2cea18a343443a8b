package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central's batch rules against a real database (SQLite file or PostgreSQL), with real
 * journals: what is stored, what is refused and recorded, and that nothing is stored twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CentralStoreContract {
  Path dir; // one per class, deleted by JUnit after its last test
  CentralDatabase db;
  CentralStore store;
  BatchIntake intake;
  KeyPair receiptKey;

  /** A fresh, migrated database. */
  abstract CentralDatabase open(Path dir) throws Exception;

  private String skipReason;

  @org.junit.jupiter.api.BeforeEach
  void skipWhenTheDatabaseIsUnavailable() {
    org.junit.jupiter.api.Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @BeforeAll
  void openStore(@TempDir Path classDir) throws Exception {
    dir = classDir;
    try {
      db = open(dir);
    } catch (org.opentest4j.TestAbortedException e) {
      skipReason = e.getMessage(); // reported on every test, not hidden in a class-level abort
      return;
    }
    store = new CentralStore(db);
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    receiptKey = g.generateKeyPair();
    intake = new BatchIntake(store, receiptKey.getPrivate(), Clock.systemUTC());
  }

  @AfterAll
  void closeStore() throws Exception {
    if (db != null) {
      db.close();
    }
    closeExtra();
  }

  void closeExtra() throws Exception {}

  CentralStore.Workstation enrolled(Sm2KeyPair keys) throws Exception {
    return store
        .enroll(keys.publicKey(), Optional.empty(), System.currentTimeMillis())
        .workstation();
  }

  TestJournal journal(String name, Sm2KeyPair keys, int events) throws Exception {
    return TestJournal.write(Files.createTempFile(dir, name, ".db"), "WS-" + name, keys, events);
  }

  long storedCount(TestJournal j) throws Exception {
    return store.entries(j.journalHex(), 0, Long.MAX_VALUE).size();
  }

  void assertReceipt(Receipt r, TestJournal j, long seq) {
    assertThat(ReceiptCodec.verify(r, receiptKey.getPublic())).isTrue();
    assertThat(r.ackSeq()).isEqualTo(seq);
    assertThat(r.head()).isEqualTo(j.hashAt(seq));
    assertThat(r.journalId()).isEqualTo(j.journalId());
  }

  List<CentralStore.RefusalRow> refusalsOf(TestJournal j) throws Exception {
    return store.refusals().stream().filter(r -> r.journalId().equals(j.journalHex())).toList();
  }

  @Test
  void enrollingTheSameKeyTwiceKeepsOneRow() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Enrolment first = store.enroll(keys.publicKey(), Optional.of("desk-1"), 1L);
    CentralStore.Enrolment again = store.enroll(keys.publicKey(), Optional.empty(), 2L);
    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.workstation().name()).contains("desk-1");
    assertThat(again.workstation().keyId()).isEqualTo(RequestAuth.keyId(keys.publicKey()));
    assertThat(store.workstation(first.workstation().keyId())).isPresent();
  }

  @Test
  void storesAJournalSentInBatchesAndSignsEachNewHead() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("batches", keys, 230);
    for (long from = 1; from <= j.lastSeq(); from += 37) {
      long to = Math.min(j.lastSeq(), from + 36);
      assertReceipt(intake.apply(ws, j.batch(from, to)), j, to);
    }
    List<SealedEntry> stored = store.entries(j.journalHex(), 1, j.lastSeq());
    assertThat(stored).hasSize((int) j.lastSeq());
    for (int i = 0; i < stored.size(); i++) {
      assertThat(stored.get(i).body()).isEqualTo(j.entries().get(i).body());
      assertThat(stored.get(i).hash()).isEqualTo(j.entries().get(i).hash());
    }
    JournalRow row = store.journal(j.journalHex()).orElseThrow();
    assertThat(row.workstationId()).isEqualTo("WS-batches");
    assertThat(row.headSeq()).isEqualTo(j.lastSeq());
    assertThat(row.lastCheckpointSeq()).isEqualTo(j.lastSeq()); // closed with a checkpoint
  }

  @Test
  void anEmptyBatchRegistersTheJournalAtItsGenesis() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    TestJournal j = journal("empty", keys, 3);
    Receipt r = intake.apply(enrolled(keys), new SealedBatch(j.header(), j.signature(), List.of()));
    assertReceipt(r, j, 0);
  }

  @Test
  void duplicateAndOverlappingBatchesAreStoredOnce() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("dup", keys, 100);
    intake.apply(ws, j.batch(1, 50));
    assertReceipt(intake.apply(ws, j.batch(1, 50)), j, 50);
    assertReceipt(intake.apply(ws, j.batch(10, 20)), j, 50);
    assertReceipt(intake.apply(ws, j.batch(30, 80)), j, 80);
    assertThat(storedCount(j)).isEqualTo(80);
  }

  @Test
  void concurrentDuplicateDeliveriesStoreEachSeqExactlyOnce() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("concurrent", keys, 150);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Long>> senders = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        senders.add(pool.submit(() -> sendAll(ws, j, 20)));
      }
      for (Future<Long> f : senders) {
        assertThat(f.get()).isEqualTo(j.lastSeq());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(storedCount(j)).isEqualTo(j.lastSeq());
    assertThat(store.journal(j.journalHex()).orElseThrow().headSeq()).isEqualTo(j.lastSeq());
  }

  /** Sends every batch in order, resuming from expectedFrom after a gap; returns the final ack. */
  private long sendAll(CentralStore.Workstation ws, TestJournal j, int size) throws Exception {
    long from = 1;
    long ack = 0;
    while (from <= j.lastSeq()) {
      long to = Math.min(j.lastSeq(), from + size - 1);
      try {
        ack = intake.apply(ws, j.batch(from, to)).ackSeq();
        from = to + 1;
      } catch (Refused r) {
        assertThat(r.code()).isEqualTo(Refusal.GAP);
        from = r.expectedFrom();
      }
    }
    return ack;
  }

  @Test
  void aBatchAfterTheHeadIsAGapNamingWhereToResume() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("gap", keys, 60);
    intake.apply(ws, j.batch(1, 20));
    Refused r = catchThrowableOfType(Refused.class, () -> intake.apply(ws, j.batch(25, 40)));
    assertThat(r.code()).isEqualTo(Refusal.GAP);
    assertThat(r.expectedFrom()).isEqualTo(21);
    assertThat(r.toJson()).contains("\"expectedFrom\":21");
    assertThat(storedCount(j)).isEqualTo(20);
    assertThat(refusalsOf(j)).extracting(CentralStore.RefusalRow::code).containsExactly("gap");
  }

  @Test
  void rewrittenHistoryIsAForkThatStoresNothingAndIsRecorded() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("fork", keys, 60);
    intake.apply(ws, j.batch(1, 30));
    TestJournal rewritten = j.rewrittenFrom(25);
    Refused r =
        catchThrowableOfType(Refused.class, () -> intake.apply(ws, rewritten.batch(20, 45)));
    assertThat(r.code()).isEqualTo(Refusal.FORK);
    assertThat(r.seq()).isEqualTo(25);
    assertThat(storedCount(j)).isEqualTo(30);
    assertThat(refusalsOf(j))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.code()).isEqualTo("fork");
              assertThat(row.seq()).isEqualTo(25);
              assertThat(row.keyId()).isEqualTo(ws.keyId());
            });
    assertThat(statsOf(j).chainOk()).isFalse();
  }

  @Test
  void aChangedHeaderForAKnownJournalIsAFork() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("header", keys, 10);
    intake.apply(ws, j.batch(1, 5));
    byte[] header = j.header().clone();
    header[11 + header[10] + 16 + 7] ^= 1; // the creation time: same journal id, same key
    SealedBatch changed = new SealedBatch(header, j.signature(), j.batch(6, 10).entries());
    Refused r = catchThrowableOfType(Refused.class, () -> intake.apply(ws, changed));
    assertThat(r.code()).isEqualTo(Refusal.FORK);
    assertThat(storedCount(j)).isEqualTo(5);
  }

  @Test
  void aBrokenChainIsRefusedWithTheEntryAndProblemAndStoresNothingOfTheBatch() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("chain", keys, 60);
    intake.apply(ws, j.batch(1, 20));
    TestJournal broken = j.withChangedBody(33);
    Refused r = catchThrowableOfType(Refused.class, () -> intake.apply(ws, broken.batch(21, 40)));
    assertThat(r.code()).isEqualTo(Refusal.CHAIN);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.toJson()).contains("\"seq\":33").contains("\"problem\":\"chain\"");
    assertThat(storedCount(j)).isEqualTo(20);
    assertThat(statsOf(j).chainOk()).isFalse();
    intake.apply(ws, j.batch(21, 40)); // the true entries continue the central's head
    Thread.sleep(2);
    intake.apply(ws, j.batch(41, 60));
    assertThat(statsOf(j).chainOk()).isTrue();
    assertThat(statsOf(j).entries()).isEqualTo(60);
  }

  @Test
  void aFirstBatchWithAnInvalidHeaderSignatureIsRefusedAndNotRegistered() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("sig", keys, 10);
    byte[] sig = j.signature().clone();
    sig[5] ^= 1;
    SealedBatch forged = new SealedBatch(j.header(), sig, j.batch(1, 10).entries());
    Refused r = catchThrowableOfType(Refused.class, () -> intake.apply(ws, forged));
    assertThat(r.code()).isEqualTo(Refusal.CHAIN);
    assertThat(r.toJson()).contains("\"problem\":\"header_signature\"");
    assertThat(store.journal(j.journalHex())).isEmpty();
  }

  @Test
  void aJournalWrittenWithAnotherKeyIsRefused() throws Exception {
    Sm2KeyPair owner = Sm2.generate();
    Sm2KeyPair other = Sm2.generate();
    enrolled(owner);
    TestJournal j = journal("other", owner, 10);
    Refused r =
        catchThrowableOfType(Refused.class, () -> intake.apply(enrolled(other), j.batch(1, 10)));
    assertThat(r.code()).isEqualTo(Refusal.NOT_YOUR_JOURNAL);
    assertThat(store.journal(j.journalHex())).isEmpty();
  }

  @Test
  void receiptsAreOnlyForTheOwnerOfAKnownJournal() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("receipt", keys, 12);
    assertThat(catchThrowableOfType(Refused.class, () -> intake.receipt(ws, j.journalHex())).code())
        .isEqualTo(Refusal.UNKNOWN_JOURNAL);
    intake.apply(ws, j.batch(1, 12));
    assertReceipt(intake.receipt(ws, j.journalHex().toLowerCase()), j, 12);
    CentralStore.Workstation stranger = enrolled(Sm2.generate());
    assertThat(
            catchThrowableOfType(Refused.class, () -> intake.receipt(stranger, j.journalHex()))
                .code())
        .isEqualTo(Refusal.NOT_YOUR_JOURNAL);
    // Asking for the receipt of a journal not sent yet is every workstation's first question,
    // not a refusal worth an operator's attention; a stranger asking is.
    assertThat(refusalsOf(j))
        .extracting(CentralStore.RefusalRow::code)
        .containsExactly("not_your_journal");
  }

  @Test
  void aNonceIsAcceptedOnceAndForgottenAfterTheWindow() throws Exception {
    String key = RequestAuth.keyId(Sm2.generate().publicKey());
    long now = System.currentTimeMillis();
    assertThat(store.rememberNonce(key, "00112233445566778899aabbccddeeff", now)).isTrue();
    assertThat(store.rememberNonce(key, "00112233445566778899aabbccddeeff", now)).isFalse();
    assertThat(store.rememberNonce(key, "ffeeddccbbaa99887766554433221100", now - 3_600_000))
        .isTrue();
    assertThat(store.purgeNonces(now - 600_000)).isGreaterThanOrEqualTo(1);
    assertThat(store.rememberNonce(key, "00112233445566778899aabbccddeeff", now)).isFalse();
  }

  @Test
  void statsNameEnrolledWorkstationsWithoutJournalsByNameOrKey() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    store.enroll(keys.publicKey(), Optional.of("front-desk-9"), System.currentTimeMillis());
    CentralStats.JournalStats s =
        CentralStats.collect(store).stream()
            .filter(x -> x.keyId().equals(RequestAuth.keyId(keys.publicKey())))
            .findFirst()
            .orElseThrow();
    assertThat(s.id()).isEqualTo("front-desk-9");
    assertThat(s.journalId()).isEmpty();
    assertThat(s.entries()).isZero();
    assertThat(s.chainOk()).isTrue();
    assertThat(s.lastReceiptAt()).isEmpty();
  }

  CentralStats.JournalStats statsOf(TestJournal j) throws Exception {
    return CentralStats.collect(store).stream()
        .filter(s -> s.journalId().equals(j.journalHex()))
        .findFirst()
        .orElseThrow();
  }
}
