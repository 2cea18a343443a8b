package dev.pindesk.adapters.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.sync.CentralException;
import dev.pindesk.domain.sync.CentralFailure;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import dev.pindesk.testing.TestCentralKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS link against a tiny JDK HttpsServer with a certificate made in the test: pinning, the
 * authentication headers, receipt verification and how answers become failures.
 */
class HttpCentralLinkTest {
  private static final Sm2KeyPair WORKSTATION = Sm2.generate();
  private static final TestCentralKeys CENTRAL = TestCentralKeys.create();
  private static final byte[] JOURNAL = new byte[16];

  @TempDir Path dir;
  private HttpsServer server;

  /** What the test server answers next, and the last request it got. */
  private final AtomicReference<Answer> answer = new AtomicReference<>();

  private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
  private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
  private final AtomicReference<String> lastPath = new AtomicReference<>();

  private record Answer(int status, String body) {}

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI start(TestCentralKeys keys) throws Exception {
    char[] password = "test".toCharArray();
    KeyStore ks = keys.keyStore(password);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::handle);
    server.start();
    return URI.create("https://localhost:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange x) throws IOException {
    lastPath.set(x.getRequestURI().getRawPath());
    x.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), v.get(0)));
    lastBody.set(x.getRequestBody().readAllBytes());
    Answer a = answer.get();
    byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(a.status(), body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  private HttpCentralLink link(URI central, TestCentralKeys pinned) {
    return new HttpCentralLink(
        central,
        pinned.certificate(),
        WORKSTATION,
        Clock.systemUTC(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5));
  }

  private static SealedBatch batch() {
    return new SealedBatch(
        new byte[] {1, 2, 3},
        new byte[] {4, 5},
        List.of(new SealedEntry(1, new byte[30], new byte[] {9, 9}, new byte[32])));
  }

  private static String receiptJson(long ackSeq, java.security.PrivateKey signer) {
    Receipt r =
        ReceiptCodec.sign(
            new Receipt(
                JOURNAL,
                "WS-01",
                ackSeq,
                new byte[32],
                Instant.parse("2026-11-23T08:00:00.123Z"),
                new byte[0]),
            signer);
    return ReceiptCodec.toJson(r);
  }

  @Test
  void sendsABatchSignedInProtocol2AndReturnsTheVerifiedReceipt() throws Exception {
    URI central = start(CENTRAL);
    answer.set(new Answer(200, receiptJson(1, CENTRAL.keyPair().getPrivate())));
    Receipt r = link(central, CENTRAL).send(batch());
    assertThat(r.ackSeq()).isEqualTo(1);
    assertThat(lastPath.get()).isEqualTo("/v1/batches");
    assertThat(lastHeaders.get("content-type")).isEqualTo(SyncProtocol.BATCH_CONTENT_TYPE);
    assertThat(BatchCodec.decode(lastBody.get()).to()).isEqualTo(1);
    String keyId = lastHeaders.get(SyncProtocol.H_KEY_ID.toLowerCase());
    String nonce = lastHeaders.get(SyncProtocol.H_NONCE.toLowerCase());
    long time = Long.parseLong(lastHeaders.get(SyncProtocol.H_TIME.toLowerCase()));
    assertThat(keyId).isEqualTo(RequestAuth.keyId(WORKSTATION.publicKey()));
    assertThat(RequestAuth.wellFormedNonce(nonce)).isTrue();
    assertThat(Math.abs(time - System.currentTimeMillis())).isLessThan(60_000);
    // Protocol 2 (ADR 0032): the content line and the length travel signed in headers.
    String content = RequestAuth.content(BatchCodec.decode(lastBody.get()));
    assertThat(lastHeaders.get(SyncProtocol.H_CONTENT.toLowerCase())).isEqualTo(content);
    assertThat(lastHeaders.get(SyncProtocol.H_LENGTH.toLowerCase()))
        .isEqualTo(String.valueOf(lastBody.get().length));
    assertThat(
            RequestAuth.verifyV2(
                WORKSTATION.publicKey(),
                "POST",
                "/v1/batches",
                keyId,
                time,
                nonce,
                content,
                lastBody.get().length,
                lastHeaders.get(SyncProtocol.H_SIGNATURE.toLowerCase())))
        .isTrue();
  }

  @Test
  void signsTheFullPathWhenTheCentralLivesBelowAPrefix() throws Exception {
    URI central = start(CENTRAL).resolve("/pindesk/");
    answer.set(new Answer(200, receiptJson(7, CENTRAL.keyPair().getPrivate())));
    assertThat(link(central, CENTRAL).fetchReceipt(JOURNAL))
        .get()
        .extracting(Receipt::ackSeq)
        .isEqualTo(7L);
    String path = "/pindesk/v1/journals/" + "00".repeat(16) + "/receipt";
    assertThat(lastPath.get()).isEqualTo(path);
    assertThat(
            RequestAuth.verifyV2(
                WORKSTATION.publicKey(),
                "GET",
                path,
                lastHeaders.get(SyncProtocol.H_KEY_ID.toLowerCase()),
                Long.parseLong(lastHeaders.get(SyncProtocol.H_TIME.toLowerCase())),
                lastHeaders.get(SyncProtocol.H_NONCE.toLowerCase()),
                RequestAuth.content(new byte[0]),
                0,
                lastHeaders.get(SyncProtocol.H_SIGNATURE.toLowerCase())))
        .isTrue();
  }

  @Test
  void refusesAServerThatIsNotThePinnedCentral() throws Exception {
    URI central = start(TestCentralKeys.create());
    answer.set(new Answer(200, receiptJson(1, CENTRAL.keyPair().getPrivate())));
    assertThatThrownBy(() -> link(central, CENTRAL).send(batch()))
        .isInstanceOfSatisfying(
            CentralException.class,
            e -> assertThat(e.failure()).isEqualTo(CentralFailure.UNTRUSTED_CERTIFICATE));
    assertThat(lastBody.get()).isNull();
  }

  @Test
  void keepsHostNameVerificationOnForThePinnedCertificate() throws Exception {
    TestCentralKeys elsewhere = TestCentralKeys.createFor("central.example");
    URI central = start(elsewhere);
    answer.set(new Answer(200, receiptJson(1, elsewhere.keyPair().getPrivate())));
    assertThatThrownBy(() -> link(central, elsewhere).send(batch()))
        .isInstanceOfSatisfying(
            CentralException.class,
            e -> assertThat(e.failure()).isEqualTo(CentralFailure.UNTRUSTED_CERTIFICATE));
  }

  @Test
  void refusesAReceiptNotSignedByThePinnedKey() throws Exception {
    URI central = start(CENTRAL);
    answer.set(new Answer(200, receiptJson(1, TestCentralKeys.create().keyPair().getPrivate())));
    assertThatThrownBy(() -> link(central, CENTRAL).send(batch()))
        .isInstanceOfSatisfying(
            CentralException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(CentralFailure.BAD_RECEIPT);
              assertThat(e.failure().retryable()).isFalse();
            });
    answer.set(new Answer(200, "{\"journal\":\"nonsense\"}"));
    assertThatThrownBy(() -> link(central, CENTRAL).fetchReceipt(JOURNAL))
        .isInstanceOfSatisfying(
            CentralException.class,
            e -> assertThat(e.failure()).isEqualTo(CentralFailure.BAD_RECEIPT));
  }

  @Test
  void aGapCarriesTheSeqTheCentralExpects() throws Exception {
    URI central = start(CENTRAL);
    answer.set(
        new Answer(409, "{\"error\":\"gap\",\"detail\":\"expected 42\",\"expectedFrom\":42}"));
    assertThatThrownBy(() -> link(central, CENTRAL).send(batch()))
        .isInstanceOfSatisfying(
            CentralException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(CentralFailure.GAP);
              assertThat(e.expectedFrom()).hasValue(42);
              assertThat(e.getMessage()).contains("expected 42");
            });
  }

  @Test
  void refusalsKeepTheirCodeAndRetryability() throws Exception {
    URI central = start(CENTRAL);
    HttpCentralLink link = link(central, CENTRAL);
    for (SyncProtocol.Refusal r : SyncProtocol.Refusal.values()) {
      answer.set(new Answer(r.status(), "{\"error\":\"" + r.wireName() + "\",\"detail\":\"no\"}"));
      assertThatThrownBy(() -> link.send(batch()))
          .as(r.wireName())
          .isInstanceOfSatisfying(
              CentralException.class,
              e -> {
                assertThat(e.failure().wireName()).isEqualTo(r.wireName());
                assertThat(e.failure().retryable()).isEqualTo(r.retryable());
              });
    }
  }

  @Test
  void anUnknownJournalHasNoReceipt() throws Exception {
    URI central = start(CENTRAL);
    answer.set(new Answer(404, "{\"error\":\"unknown_journal\",\"detail\":\"never seen\"}"));
    assertThat(link(central, CENTRAL).fetchReceipt(JOURNAL)).isEmpty();
  }

  @Test
  void classifiesAnswersThatAreNotTheProtocols() throws Exception {
    URI central = start(CENTRAL);
    answer.set(new Answer(502, "<html>bad gateway</html>"));
    assertThatThrownBy(() -> link(central, CENTRAL).send(batch()))
        .isInstanceOfSatisfying(
            CentralException.class,
            e -> assertThat(e.failure()).isEqualTo(CentralFailure.SERVER_ERROR));
    answer.set(new Answer(404, "not here"));
    assertThatThrownBy(() -> link(central, CENTRAL).send(batch()))
        .isInstanceOfSatisfying(
            CentralException.class,
            e -> assertThat(e.failure()).isEqualTo(CentralFailure.UNEXPECTED_RESPONSE));
    answer.set(new Answer(409, "{\"error\":\"unreachable\"}")); // not a code a server may send
    assertThatThrownBy(() -> link(central, CENTRAL).send(batch()))
        .isInstanceOfSatisfying(
            CentralException.class,
            e -> assertThat(e.failure()).isEqualTo(CentralFailure.UNEXPECTED_RESPONSE));
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    URI central = start(CENTRAL);
    server.stop(0);
    server = null;
    assertThatThrownBy(() -> link(central, CENTRAL).send(batch()))
        .isInstanceOfSatisfying(
            CentralException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(CentralFailure.UNREACHABLE);
              assertThat(e.failure().transport()).isTrue();
            });
  }

  @Test
  void acceptsPlainHttpOnlyForLoopback() {
    assertThatThrownBy(() -> link(URI.create("http://central.example:8443"), CENTRAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> link(URI.create("http://10.0.0.1:8443"), CENTRAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> link(URI.create("ftp://localhost"), CENTRAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(link(URI.create("http://127.0.0.1:8080"), CENTRAL)).isNotNull();
    assertThat(link(URI.create("http://localhost:8080/"), CENTRAL)).isNotNull();
    assertThat(link(URI.create("http://[::1]:8080"), CENTRAL)).isNotNull();
  }

  @Test
  void readsThePinnedCertificateFromAPemFile() throws Exception {
    Path file = CENTRAL.writeCertificate(dir.resolve("central.crt"));
    assertThat(HttpCentralLink.readCertificate(file)).isEqualTo(CENTRAL.certificate());
    Path text = java.nio.file.Files.writeString(dir.resolve("x.crt"), "no");
    assertThatThrownBy(() -> HttpCentralLink.readCertificate(text))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an X.509 certificate");
  }
}
