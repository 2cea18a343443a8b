package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 2 (ADR 0032) against a running central: requests nobody enrolled signed, at high
 * rate and with oversized declared lengths, while a workstation of this release (protocol 2) keeps
 * syncing; and the end of protocol 1's transition period. Attackers bind 127.0.0.2–5 so the
 * per-address limits tell them from the workstation. Prints the figures in docs/benchmarks.md.
 */
class CentralUnauthenticatedRequestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private CentralDatabase db;
  private CentralStore store;
  private CentralIdentity identity;
  private Sm2KeyPair keys;
  private TestJournal journal;

  @BeforeEach
  void enrolAWorkstation() throws Exception {
    db = CentralDatabase.sqlite(dir.resolve("central.db"));
    store = new CentralStore(db);
    identity = CentralIdentity.loadOrCreate(dir.resolve("central.crt"));
    keys = Sm2.generate();
    store.enroll(keys.publicKey(), Optional.empty(), System.currentTimeMillis());
    journal = TestJournal.write(Files.createTempFile(dir, "ws", ".db"), "WS-FAKES", keys, 600);
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  @Test
  void fakeSignaturesAtHighRateAreAnsweredAlikeCountedNotRecordedAndTheWorkstationSyncs()
      throws Exception {
    try (CentralServer server =
        CentralServer.start(store, identity, CentralServer.Options.loopback(0))) {
      TestCentralClient workstation =
          new TestCentralClient(server.uri(), identity.certificateFile());
      SSLContext tls = TestCentralClient.pinned(identity.certificateFile());
      String enrolledKeyId = RequestAuth.keyId(keys.publicKey());
      int rowsBefore = store.refusals().size();
      AtomicBoolean attacking = new AtomicBoolean(true);
      AtomicLong fakes = new AtomicLong();
      Map<String, Long> answers = new ConcurrentHashMap<>();
      List<Thread> attackers = new ArrayList<>();
      for (int a = 0; a < 4; a++) {
        String local = "127.0.0." + (2 + a);
        // Half claim the enrolled key id, half a random one: the answers must not differ.
        boolean claimEnrolled = a % 2 == 0;
        Thread t =
            new Thread(
                () -> {
                  Random random = new Random(local.hashCode());
                  while (attacking.get()) {
                    try (SSLSocket s = tls(tls, local, server.port())) {
                      for (int i = 0; i < 200 && attacking.get(); i++) {
                        byte[] id = new byte[32];
                        random.nextBytes(id);
                        String keyId = claimEnrolled ? enrolledKeyId : HexFormat.of().formatHex(id);
                        JsonNode answer = request(s, fakeV2(keyId, random));
                        answers.merge(answer.toString(), 1L, Long::sum);
                        fakes.incrementAndGet();
                      }
                    } catch (IOException e) {
                      // closed by the central (a limit): open another
                    }
                  }
                },
                "fake-" + local);
        t.setDaemon(true);
        attackers.add(t);
        t.start();
      }
      long t0 = System.nanoTime();
      long batches = 0;
      long from = 1;
      while (System.nanoTime() - t0 < 8_000_000_000L) {
        long to = Math.min(journal.lastSeq(), from + 4);
        TestCentralClient.Response r = workstation.postV2(keys, journal.batch(from, to));
        assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
        batches++;
        from = to >= journal.lastSeq() ? 1 : to + 1;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      attacking.set(false);
      for (Thread t : attackers) {
        t.join(10_000);
      }
      System.out.printf(
          "fakes: %.1f s, %d fake requests refused (%.0f/s), %d genuine batches (%.1f/s),"
              + " answers %s, counted unproven %d%n",
          seconds,
          fakes.get(),
          fakes.get() / seconds,
          batches,
          batches / seconds,
          answers.keySet(),
          server.unprovenRefusals());
      assertThat(fakes.get()).isGreaterThan(100);
      assertThat(answers.keySet())
          .as("one answer for an unknown key and a bad signature alike")
          .containsExactly(
              "{\"error\":\"unauthenticated\",\"detail\":\"the request signature does not"
                  + " verify\"}");
      assertThat(store.refusals()).as("no durable row per request").hasSize(rowsBefore);
      assertThat(server.unprovenRefusals()).isGreaterThanOrEqualTo(fakes.get());
      assertThat(batches).isGreaterThan(10);
    }
  }

  /** What one round of 48 protocol-1 and 48 protocol-2 requests cost and got. */
  private record Round(long malformed, long tooLarge, long allocated, long maxHeap) {}

  @Test
  void oversizedDeclaredLengthsAreRefusedWithoutTheirMemory() throws Exception {
    try (CentralServer server =
        CentralServer.start(store, identity, CentralServer.Options.loopback(0))) {
      SSLContext tls = TestCentralClient.pinned(identity.certificateFile());
      // The same requests once declaring what they carry (40 bytes), once 16 MiB: the difference
      // in what the central allocates is what a declared length costs it. TLS handshakes alone
      // allocate a few MB each, so only the difference says anything.
      Round honest = round(server, tls, oneEntryDeclaring(journal.batch(1, 1), 40));
      Round liars =
          round(server, tls, oneEntryDeclaring(journal.batch(1, 1), BatchCodec.MAX_BYTES));
      System.out.printf(
          "oversized: %d protocol-1 lies refused malformed, %d protocol-2 lengths refused (413);"
              + " the central's threads allocated %d MB for 48+48 honest requests, %d MB for the"
              + " liars (48 × 16 MiB declared = 768 MiB); heap used at most %d MB (whole JVM,"
              + " garbage included)%n",
          liars.malformed(),
          liars.tooLarge(),
          honest.allocated() >> 20,
          liars.allocated() >> 20,
          liars.maxHeap() >> 20);
      assertThat(liars.malformed()).isEqualTo(48);
      assertThat(liars.tooLarge()).isEqualTo(48);
      assertThat(liars.allocated() - honest.allocated())
          .as("what declaring 16 MiB per request (768 MiB in all) cost beyond declaring 40 bytes")
          .isLessThan(64L << 20);
      assertThat(store.refusals()).as("none recorded: none proven").isEmpty();
    }
  }

  private Round round(CentralServer server, SSLContext tls, byte[] v1Body) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long allocatedBefore = serverAllocatedBytes();
    long max = 0;
    List<Thread> senders = new ArrayList<>();
    AtomicLong malformed = new AtomicLong();
    AtomicLong tooLarge = new AtomicLong();
    for (int a = 0; a < 4; a++) {
      String local = "127.0.0." + (2 + a);
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; i < 12; i++) {
                  // Protocol 1, as issue 19 sent it: ~100 bytes declaring one 16 MiB entry.
                  try (SSLSocket s = tls(tls, local, server.port())) {
                    JsonNode r = request(s, v1(v1Body));
                    if ("malformed".equals(r.path("error").asText())) {
                      malformed.incrementAndGet();
                    }
                  } catch (IOException e) {
                    // closed by a limit; the count tells
                  }
                  // Protocol 2: a signed length over the limit, refused before the body.
                  try (SSLSocket s = tls(tls, local, server.port())) {
                    JsonNode r = request(s, fakeV2Length(BatchCodec.MAX_BYTES + 1L));
                    if (r.path("error").asText().equals("malformed")) {
                      tooLarge.incrementAndGet();
                    }
                  } catch (IOException e) {
                    // as above
                  }
                  pause(250); // within the new connections one address may open a second
                }
              });
      t.setDaemon(true);
      senders.add(t);
      t.start();
    }
    for (Thread t : senders) {
      while (t.isAlive()) {
        max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
        t.join(5);
      }
    }
    pause(1100); // new-connection tokens back for the next round
    return new Round(
        malformed.get(), tooLarge.get(), serverAllocatedBytes() - allocatedBefore, max);
  }

  @Test
  void protocol1IsRefusedAfterItsTransitionPeriodAndProtocol2StillServed() throws Exception {
    CentralServer.Options ended =
        new CentralServer.Options(
            InetAddress.getLoopbackAddress(),
            0,
            false,
            8,
            Clock.systemUTC(),
            CentralServer.DEFAULT_REQUEST_TIMEOUT,
            CentralServer.Limits.DEFAULTS,
            Instant.now().minusSeconds(60));
    try (CentralServer server = CentralServer.start(store, identity, ended)) {
      TestCentralClient workstation =
          new TestCentralClient(server.uri(), identity.certificateFile());
      TestCentralClient.Response v1 = workstation.post(keys, journal.batch(1, 5));
      assertThat(v1.status()).isEqualTo(401);
      assertThat(v1.json().path("detail").asText()).contains("protocol 1");
      assertThat(workstation.postV2(keys, journal.batch(1, 5)).status()).isEqualTo(200);
    }
  }

  /** Bytes allocated so far by the central's threads (its pool is started in full, ADR 0031). */
  private static long serverAllocatedBytes() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("central-http")) {
        sum += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
      }
    }
    return sum;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A genuine one-entry batch whose entry now declares {@code length} body bytes; 40 follow. */
  private static byte[] oneEntryDeclaring(SealedBatch batch, int length) {
    SealedEntry e = batch.entries().get(0);
    int lengthAt =
        4
            + 1
            + 2
            + batch.journalHeader().length
            + 1
            + batch.headerSignature().length
            + 4
            + 8
            + 1
            + e.header().length;
    byte[] encoded = BatchCodec.encode(batch);
    ByteBuffer.wrap(encoded).putInt(lengthAt, length);
    byte[] out = new byte[Math.min(encoded.length, lengthAt + 4 + 40)];
    System.arraycopy(encoded, 0, out, 0, out.length);
    return out;
  }

  private static byte[] v1(byte[] body) {
    return request(
        "POST",
        Map.of(
            SyncProtocol.H_KEY_ID, "AB".repeat(32),
            SyncProtocol.H_TIME, String.valueOf(System.currentTimeMillis()),
            SyncProtocol.H_NONCE, "0f".repeat(16),
            SyncProtocol.H_SIGNATURE, "AAAA"),
        body);
  }

  private static byte[] fakeV2(String keyId, Random random) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    byte[] signature = new byte[64];
    random.nextBytes(signature);
    return request(
        "POST",
        Map.of(
            SyncProtocol.H_KEY_ID,
            keyId,
            SyncProtocol.H_TIME,
            String.valueOf(System.currentTimeMillis()),
            SyncProtocol.H_NONCE,
            HexFormat.of().formatHex(nonce),
            SyncProtocol.H_CONTENT,
            "batch:" + "00".repeat(32),
            SyncProtocol.H_LENGTH,
            "0",
            SyncProtocol.H_SIGNATURE,
            java.util.Base64.getEncoder().encodeToString(signature)),
        new byte[0]);
  }

  private static byte[] fakeV2Length(long length) {
    return request(
        "POST",
        Map.of(
            SyncProtocol.H_KEY_ID, "AB".repeat(32),
            SyncProtocol.H_TIME, String.valueOf(System.currentTimeMillis()),
            SyncProtocol.H_NONCE, "0f".repeat(16),
            SyncProtocol.H_CONTENT, "batch:" + "00".repeat(32),
            SyncProtocol.H_LENGTH, String.valueOf(length),
            SyncProtocol.H_SIGNATURE, "AAAA"),
        new byte[100]);
  }

  private static byte[] request(String method, Map<String, String> headers, byte[] body) {
    StringBuilder b = new StringBuilder();
    b.append(method).append(' ').append(SyncProtocol.BATCHES).append(" HTTP/1.1\r\n");
    b.append("Host: localhost\r\n");
    b.append("Content-Type: ").append(SyncProtocol.BATCH_CONTENT_TYPE).append("\r\n");
    b.append("Content-Length: ").append(body.length).append("\r\n");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    b.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(b.toString().getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static SSLSocket tls(SSLContext tls, String local, int port) throws IOException {
    Socket plain = new Socket();
    plain.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
    plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true);
    s.setSoTimeout(10_000);
    s.startHandshake();
    return s;
  }

  /** Sends {@code request} and reads one answer: its JSON body. */
  private static JsonNode request(SSLSocket s, byte[] request) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(request);
    out.flush();
    InputStream in = s.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("closed before an answer");
      }
      head.write(c);
      matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    int length = 0;
    for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    byte[] body = in.readNBytes(length);
    return JSON.readTree(body);
  }
}
