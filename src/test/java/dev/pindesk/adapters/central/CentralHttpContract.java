package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.ChainCursor;
import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.crypto.gm.Sm3Chain;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The receiver over real HTTPS on loopback (pinned self-signed certificate, real SM2 request
 * signatures, real journals): every documented answer, with its status and JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CentralHttpContract {
  Path dir; // one per class, deleted by JUnit after its last test
  CentralDatabase db;
  CentralStore store;
  CentralServer server;
  TestCentralClient client;

  abstract CentralDatabase open(Path dir) throws Exception;

  private String skipReason;

  @org.junit.jupiter.api.BeforeEach
  void skipWhenTheDatabaseIsUnavailable() {
    org.junit.jupiter.api.Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  void closeExtra() throws Exception {}

  @BeforeAll
  void start(@TempDir Path classDir) throws Exception {
    dir = classDir;
    try {
      db = open(dir);
    } catch (org.opentest4j.TestAbortedException e) {
      skipReason = e.getMessage(); // reported on every test, not hidden in a class-level abort
      return;
    }
    store = new CentralStore(db);
    CentralIdentity identity = CentralIdentity.loadOrCreate(dir.resolve("central.crt"));
    server = CentralServer.start(store, identity, CentralServer.Options.loopback(0));
    client = new TestCentralClient(server.uri(), identity.certificateFile());
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
    closeExtra();
  }

  private Sm2KeyPair enrolledKeys() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    store.enroll(keys.publicKey(), Optional.empty(), System.currentTimeMillis());
    return keys;
  }

  private TestJournal journal(String name, Sm2KeyPair keys, int events) throws Exception {
    return TestJournal.write(Files.createTempFile(dir, name, ".db"), "WS-" + name, keys, events);
  }

  private Receipt receiptOf(TestCentralClient.Response r, TestJournal j, long seq) {
    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    Receipt receipt = ReceiptCodec.fromJson(r.json());
    assertThat(ReceiptCodec.verify(receipt, server.identity().certificate())).isTrue();
    assertThat(receipt.ackSeq()).isEqualTo(seq);
    assertThat(receipt.head()).isEqualTo(j.hashAt(seq));
    return receipt;
  }

  private static void assertRefusal(TestCentralClient.Response r, int status, String code) {
    assertThat(r.status()).as(r.json().toString()).isEqualTo(status);
    assertThat(r.error()).isEqualTo(code);
    assertThat(r.json().path("detail").asText()).isNotBlank().doesNotContain("\n", "Exception");
  }

  private long stored(TestJournal j) throws Exception {
    return store.entries(j.journalHex(), 0, Long.MAX_VALUE).size();
  }

  @Test
  void healthAnswersWithoutAuthentication() throws Exception {
    TestCentralClient.Response r = client.send("GET", SyncProtocol.HEALTH, null, Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("status").asText()).isEqualTo("ok");
  }

  @Test
  void aJournalSentInSeveralBatchesIsStoredAndEveryReceiptVerifiesWithThePinnedCert()
      throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("happy", keys, 200);
    for (long from = 1; from <= j.lastSeq(); from += 64) {
      long to = Math.min(j.lastSeq(), from + 63);
      receiptOf(client.post(keys, j.batch(from, to)), j, to);
    }
    Receipt current = receiptOf(client.receipt(keys, j.journalHex()), j, j.lastSeq());
    assertThat(current.workstationId()).isEqualTo("WS-happy");
    assertThat(stored(j)).isEqualTo(j.lastSeq());
  }

  @Test
  void duplicateAndOverlappingDeliveriesAreStoredOnce() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("overlap", keys, 90);
    receiptOf(client.post(keys, j.batch(1, 40)), j, 40);
    receiptOf(client.post(keys, j.batch(1, 40)), j, 40);
    receiptOf(client.post(keys, j.batch(21, 70)), j, 70);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TestCentralClient.Response>> same = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        same.add(pool.submit(() -> client.post(keys, j.batch(71, j.lastSeq()))));
      }
      for (Future<TestCentralClient.Response> f : same) {
        receiptOf(f.get(), j, j.lastSeq());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(stored(j)).isEqualTo(j.lastSeq());
  }

  @Test
  void aBatchBeyondTheHeadIsAGapWithExpectedFrom() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("gap", keys, 50);
    receiptOf(client.post(keys, j.batch(1, 10)), j, 10);
    TestCentralClient.Response r = client.post(keys, j.batch(15, 30));
    assertRefusal(r, 409, "gap");
    assertThat(r.json().path("expectedFrom").asLong()).isEqualTo(11);
    receiptOf(client.post(keys, j.batch(11, 30)), j, 30);
  }

  @Test
  void aRewrittenEntryIsAForkRefusedAndRecorded() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("fork", keys, 50);
    receiptOf(client.post(keys, j.batch(1, 30)), j, 30);
    TestCentralClient.Response r = client.post(keys, j.rewrittenFrom(12).batch(1, 40));
    assertRefusal(r, 409, "fork");
    assertThat(r.json().path("seq").asLong()).isEqualTo(12);
    assertThat(stored(j)).isEqualTo(30);
    assertThat(store.refusals())
        .anySatisfy(
            row -> {
              assertThat(row.journalId()).isEqualTo(j.journalHex());
              assertThat(row.code()).isEqualTo("fork");
              assertThat(row.seq()).isEqualTo(12);
            });
  }

  @Test
  void aBatchThatBreaksTheChainIsRefusedWith422() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("chain", keys, 50);
    receiptOf(client.post(keys, j.batch(1, 20)), j, 20);
    TestCentralClient.Response r = client.post(keys, j.withChangedBody(26).batch(21, 40));
    assertRefusal(r, 422, "chain");
    assertThat(r.json().path("seq").asLong()).isEqualTo(26);
    assertThat(r.json().path("problem").asText()).isEqualTo("chain");
    assertThat(stored(j)).isEqualTo(20);
  }

  @Test
  void aForgedSignatureIsUnauthenticated() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("forged", keys, 10);
    byte[] body = BatchCodec.encode(j.batch(1, 10));
    byte[] other = BatchCodec.encode(j.batch(1, 5));
    Map<String, String> headers =
        TestCentralClient.sign(
            keys, "POST", SyncProtocol.BATCHES, other, System.currentTimeMillis());
    assertRefusal(client.send("POST", SyncProtocol.BATCHES, body, headers), 401, "unauthenticated");
    Map<String, String> byStranger =
        new LinkedHashMap<>(
            TestCentralClient.sign(
                Sm2.generate(), "POST", SyncProtocol.BATCHES, body, System.currentTimeMillis()));
    byStranger.put(SyncProtocol.H_KEY_ID, RequestAuth.keyId(keys.publicKey()));
    assertRefusal(
        client.send("POST", SyncProtocol.BATCHES, body, byStranger), 401, "unauthenticated");
    assertRefusal(
        client.send("POST", SyncProtocol.BATCHES, body, Map.of()), 401, "unauthenticated");
    assertThat(stored(j)).isZero();
  }

  @Test
  void aBatchChangedAfterSigningStoresNothing() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("changed", keys, 10);
    SealedBatch signed = j.batch(1, 10);
    Map<String, String> headers =
        TestCentralClient.sign(
            keys,
            "POST",
            SyncProtocol.BATCHES,
            BatchCodec.encode(signed),
            System.currentTimeMillis());
    // One entry's ciphertext changed, its hash left alone: the chain no longer holds.
    List<SealedEntry> changed = new ArrayList<>(signed.entries());
    SealedEntry fifth = changed.get(4);
    byte[] body = fifth.body().clone();
    body[body.length - 1] ^= 1;
    changed.set(4, new SealedEntry(fifth.seq(), fifth.header(), body, fifth.hash()));
    SealedBatch tampered =
        new SealedBatch(signed.journalHeader(), signed.headerSignature(), changed);
    assertRefusal(
        client.send("POST", SyncProtocol.BATCHES, BatchCodec.encode(tampered), headers),
        422,
        "chain");
    // The chain rebuilt over the change: it no longer ends in the signed hash.
    List<SealedEntry> rechained = new ArrayList<>();
    byte[] previous = ChainCursor.genesisOf(signed.journalHeader()).orElseThrow();
    for (SealedEntry e : changed) {
      byte[] hash = Sm3Chain.link(previous, e.seq(), e.header(), e.body());
      rechained.add(new SealedEntry(e.seq(), e.header(), e.body(), hash));
      previous = hash;
    }
    SealedBatch forged =
        new SealedBatch(signed.journalHeader(), signed.headerSignature(), rechained);
    assertRefusal(
        client.send("POST", SyncProtocol.BATCHES, BatchCodec.encode(forged), headers),
        401,
        "unauthenticated");
    assertThat(stored(j)).isZero();
  }

  @Test
  void aReplayedRequestIsRefused() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("replay", keys, 10);
    byte[] body = BatchCodec.encode(j.batch(1, 10));
    Map<String, String> headers =
        TestCentralClient.sign(
            keys, "POST", SyncProtocol.BATCHES, body, System.currentTimeMillis());
    assertThat(client.send("POST", SyncProtocol.BATCHES, body, headers).status()).isEqualTo(200);
    assertRefusal(client.send("POST", SyncProtocol.BATCHES, body, headers), 409, "replayed");
  }

  @Test
  void anUnknownKeyIsAnsweredExactlyLikeABadSignatureAndNeitherIsRecorded() throws Exception {
    Sm2KeyPair stranger = Sm2.generate();
    Sm2KeyPair enrolled = enrolledKeys();
    TestJournal j = journal("unenrolled", stranger, 5);
    int before = store.refusals().size();
    TestCentralClient.Response unknownV1 = client.post(stranger, j.batch(1, 5));
    TestCentralClient.Response unknownV2 = client.postV2(stranger, j.batch(1, 5));
    byte[] body = BatchCodec.encode(j.batch(1, 5));
    Map<String, String> badSignature =
        new LinkedHashMap<>(
            TestCentralClient.signV2(
                stranger,
                "POST",
                SyncProtocol.BATCHES,
                RequestAuth.content(j.batch(1, 5)),
                body.length,
                System.currentTimeMillis()));
    badSignature.put(SyncProtocol.H_KEY_ID, RequestAuth.keyId(enrolled.publicKey()));
    TestCentralClient.Response forged =
        client.send("POST", SyncProtocol.BATCHES, body, badSignature);
    for (TestCentralClient.Response r : List.of(unknownV1, unknownV2, forged)) {
      assertRefusal(r, 401, "unauthenticated");
      assertThat(r.json()).isEqualTo(forged.json());
    }
    assertThat(store.refusals()).hasSize(before);
  }

  @Test
  void aBatchInProtocol2IsStoredAndItsReceiptFetchedInProtocol2() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("v2", keys, 30);
    receiptOf(client.postV2(keys, j.batch(1, 20)), j, 20);
    receiptOf(client.postV2(keys, j.batch(21, j.lastSeq())), j, j.lastSeq());
    String path = SyncProtocol.JOURNALS + j.journalHex() + "/receipt";
    Map<String, String> headers =
        TestCentralClient.signV2(
            keys, "GET", path, RequestAuth.content(new byte[0]), 0, System.currentTimeMillis());
    receiptOf(client.send("GET", path, null, headers), j, j.lastSeq());
    assertThat(stored(j)).isEqualTo(j.lastSeq());
  }

  @Test
  void protocol2RefusesADeclaredLengthOverTheLimitOrOtherThanTheBodysBeforeReadingIt()
      throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("v2len", keys, 10);
    byte[] body = BatchCodec.encode(j.batch(1, 10));
    String content = RequestAuth.content(j.batch(1, 10));
    long now = System.currentTimeMillis();
    assertRefusal(
        client.send(
            "POST",
            SyncProtocol.BATCHES,
            body,
            TestCentralClient.signV2(
                keys, "POST", SyncProtocol.BATCHES, content, BatchCodec.MAX_BYTES + 1L, now)),
        413,
        "malformed");
    assertRefusal(
        client.send(
            "POST",
            SyncProtocol.BATCHES,
            body,
            TestCentralClient.signV2(
                keys, "POST", SyncProtocol.BATCHES, content, body.length + 1L, now)),
        400,
        "malformed");
    assertRefusal(
        client.send(
            "POST",
            SyncProtocol.BATCHES,
            body,
            TestCentralClient.signV2(
                keys,
                "POST",
                SyncProtocol.BATCHES,
                RequestAuth.content(j.batch(1, 5)),
                body.length,
                now)),
        401,
        "unauthenticated");
    assertThat(stored(j)).isZero();
    receiptOf(client.postV2(keys, j.batch(1, 10)), j, 10);
  }

  @Test
  void aRequestSignedSixMinutesAwayIsAClockSkew() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("skew", keys, 5);
    byte[] body = BatchCodec.encode(j.batch(1, 5));
    for (long offset : new long[] {-360_000, 360_000}) {
      Map<String, String> headers =
          TestCentralClient.sign(
              keys, "POST", SyncProtocol.BATCHES, body, System.currentTimeMillis() + offset);
      assertRefusal(client.send("POST", SyncProtocol.BATCHES, body, headers), 401, "clock_skew");
    }
  }

  @Test
  void aJournalOfAnotherKeyIsNotYours() throws Exception {
    Sm2KeyPair owner = enrolledKeys();
    Sm2KeyPair other = enrolledKeys();
    TestJournal j = journal("foreign", owner, 5);
    assertRefusal(client.post(other, j.batch(1, 5)), 403, "not_your_journal");
    receiptOf(client.post(owner, j.batch(1, 5)), j, 5);
    assertRefusal(client.receipt(other, j.journalHex()), 403, "not_your_journal");
  }

  @Test
  void aRevokedWorkstationIsRefusedAndWhatItSentStays() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    TestJournal j = journal("revoked", keys, 10);
    receiptOf(client.post(keys, j.batch(1, 5)), j, 5);
    String keyId = dev.pindesk.adapters.sync.RequestAuth.keyId(keys.publicKey());
    assertThat(store.revoke(keyId, System.currentTimeMillis()))
        .isEqualTo(CentralStore.Revocation.REVOKED);
    assertThat(store.revoke(keyId, System.currentTimeMillis()))
        .isEqualTo(CentralStore.Revocation.ALREADY_REVOKED);
    assertRefusal(client.post(keys, j.batch(6, 10)), 403, "not_enrolled");
    assertRefusal(client.receipt(keys, j.journalHex()), 403, "not_enrolled");
    assertThat(stored(j)).isEqualTo(5);
    // Enrolling the key again leaves it revoked.
    CentralStore.Enrolment again =
        store.enroll(keys.publicKey(), Optional.of("again"), System.currentTimeMillis());
    assertThat(again.workstation().revokedAt()).isPresent();
    assertThat(again.workstation().name()).isEmpty();
    assertRefusal(client.post(keys, j.batch(6, 10)), 403, "not_enrolled");
  }

  @Test
  void anUnknownJournalHasNoReceipt() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    assertRefusal(client.receipt(keys, "00112233445566778899AABBCCDDEEFF"), 404, "unknown_journal");
  }

  @Test
  void aBodyOverTheLimitIs413AndABodyThatIsNoBatchIs400() throws Exception {
    Sm2KeyPair keys = enrolledKeys();
    byte[] huge = new byte[BatchCodec.MAX_BYTES + 1];
    Map<String, String> headers =
        TestCentralClient.sign(
            keys, "POST", SyncProtocol.BATCHES, huge, System.currentTimeMillis());
    assertRefusal(client.send("POST", SyncProtocol.BATCHES, huge, headers), 413, "malformed");
    byte[] junk = "not a batch".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Map<String, String> junkHeaders =
        TestCentralClient.sign(
            keys, "POST", SyncProtocol.BATCHES, junk, System.currentTimeMillis());
    assertRefusal(client.send("POST", SyncProtocol.BATCHES, junk, junkHeaders), 400, "malformed");
  }

  @Test
  void unknownPathsAndMethodsAnswerJsonWithoutDetailsOfTheServer() throws Exception {
    TestCentralClient.Response r = client.send("GET", "/v1/nothing", null, Map.of());
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("not_found");
    TestCentralClient.Response get = client.send("GET", SyncProtocol.BATCHES, null, Map.of());
    assertThat(get.status()).isEqualTo(405);
  }
}
