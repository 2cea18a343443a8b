package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver's metrics, scraped over {@code /metrics} on the loopback listener after real
 * batches, duplicates and refusals over HTTPS (SQLite).
 */
class CentralMetricsTest {
  @TempDir Path dir;
  CentralDatabase db;
  CentralStore store;
  CentralMetrics metrics;
  CentralServer server;
  MetricsEndpoint endpoint;
  TestCentralClient client;

  @BeforeEach
  void start() throws Exception {
    db = CentralDatabase.sqlite(dir.resolve("central.db"));
    store = new CentralStore(db);
    CentralIdentity identity = CentralIdentity.loadOrCreate(dir.resolve("central.crt"));
    metrics = CentralMetrics.of(db);
    server = CentralServer.start(store, identity, CentralServer.Options.loopback(0), metrics);
    endpoint =
        MetricsEndpoint.start(metrics, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client = new TestCentralClient(server.uri(), identity.certificateFile());
  }

  @AfterEach
  void stop() {
    endpoint.close();
    server.close();
    db.close();
  }

  private Sm2KeyPair enrolled() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    store.enroll(keys.publicKey(), Optional.empty(), System.currentTimeMillis());
    return keys;
  }

  private TestJournal journal(Sm2KeyPair keys, int events) throws Exception {
    return TestJournal.write(Files.createTempFile(dir, "ws", ".db"), "WS-M", keys, events);
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String scrape() throws Exception {
    HttpResponse<String> r = get(endpoint.uri());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain").contains("version=0.0.4"));
    return r.body();
  }

  /** The value of the sample line {@code series} (name with its labels, as exposed). */
  private static double value(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
    assertThat(m.find()).as("%s in%n%s", series, text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void countsStoredAndDuplicateBatchesTheirEntriesAndTimesEachEndpoint() throws Exception {
    Sm2KeyPair keys = enrolled();
    TestJournal j = journal(keys, 30);
    assertThat(client.post(keys, j.batch(1, 10)).status()).isEqualTo(200);
    assertThat(client.post(keys, j.batch(11, j.lastSeq())).status()).isEqualTo(200);
    assertThat(client.post(keys, j.batch(1, 10)).status()).isEqualTo(200);
    assertThat(client.receipt(keys, j.journalHex()).status()).isEqualTo(200);
    assertThat(client.send("GET", SyncProtocol.HEALTH, null, Map.of()).status()).isEqualTo(200);

    String text = scrape();
    assertThat(value(text, "pindesk_central_batches_total{outcome=\"stored\"}")).isEqualTo(2);
    assertThat(value(text, "pindesk_central_batches_total{outcome=\"duplicate\"}")).isEqualTo(1);
    assertThat(value(text, "pindesk_central_entries_stored_total")).isEqualTo(j.lastSeq());
    assertThat(value(text, "pindesk_central_request_duration_seconds_count{endpoint=\"batches\"}"))
        .isEqualTo(3);
    assertThat(value(text, "pindesk_central_request_duration_seconds_count{endpoint=\"receipt\"}"))
        .isEqualTo(1);
    assertThat(value(text, "pindesk_central_request_duration_seconds_count{endpoint=\"health\"}"))
        .isEqualTo(1);
    assertThat(
            value(
                text,
                "pindesk_central_request_duration_seconds_bucket{endpoint=\"batches\",le=\"+Inf\"}"))
        .isEqualTo(3);
    assertThat(value(text, "pindesk_central_requests_total{endpoint=\"batches\",status=\"200\"}"))
        .isEqualTo(3);
    assertThat(value(text, "pindesk_central_refusals_total{reason=\"gap\"}")).isZero();
    // no client-chosen value is ever a label: not the journal, not the key
    assertThat(text).doesNotContain(j.journalHex()).doesNotContainIgnoringCase("keyid");
  }

  @Test
  void aRefusalIncrementsItsReasonAndAnUnknownPathIsOther() throws Exception {
    Sm2KeyPair keys = enrolled();
    Sm2KeyPair stranger = Sm2.generate();
    TestJournal j = journal(keys, 20);
    assertThat(client.post(keys, j.batch(1, 5)).status()).isEqualTo(200);
    assertThat(client.post(keys, j.batch(10, 15)).error()).isEqualTo("gap");
    // An unknown key is answered like a bad signature (ADR 0032), and counted so.
    assertThat(client.post(stranger, journal(stranger, 3).batch(1, 3)).error())
        .isEqualTo("unauthenticated");
    byte[] body = BatchCodec.encode(j.batch(1, 2));
    assertThat(client.send("POST", SyncProtocol.BATCHES, body, Map.of()).error())
        .isEqualTo("unauthenticated");
    // A body that is no batch is only read (and refused) once its signature verified.
    byte[] junk = "not a batch".getBytes(StandardCharsets.UTF_8);
    assertThat(
            client
                .send(
                    "POST",
                    SyncProtocol.BATCHES,
                    junk,
                    TestCentralClient.sign(
                        keys, "POST", SyncProtocol.BATCHES, junk, System.currentTimeMillis()))
                .error())
        .isEqualTo("malformed");
    assertThat(client.send("GET", "/v1/anything-" + j.journalHex(), null, Map.of()).status())
        .isEqualTo(404);

    String text = scrape();
    assertThat(value(text, "pindesk_central_refusals_total{reason=\"gap\"}")).isEqualTo(1);
    assertThat(value(text, "pindesk_central_refusals_total{reason=\"not_enrolled\"}")).isZero();
    assertThat(value(text, "pindesk_central_refusals_total{reason=\"unauthenticated\"}"))
        .isEqualTo(2);
    assertThat(value(text, "pindesk_central_refusals_total{reason=\"malformed\"}")).isEqualTo(1);
    assertThat(value(text, "pindesk_central_refusals_total{reason=\"fork\"}")).isZero();
    assertThat(value(text, "pindesk_central_requests_total{endpoint=\"batches\",status=\"409\"}"))
        .isEqualTo(1);
    assertThat(value(text, "pindesk_central_requests_total{endpoint=\"other\",status=\"404\"}"))
        .isEqualTo(1);
    assertThat(text).doesNotContain(j.journalHex()).doesNotContain("anything");
  }

  @Test
  void exposesThePoolAndTheJvm() throws Exception {
    String text = scrape();
    assertThat(value(text, "pindesk_central_db_connections_max")).isPositive();
    assertThat(value(text, "pindesk_central_db_waiting_threads")).isZero();
    assertThat(value(text, "pindesk_central_db_connections{state=\"active\"}")).isNotNegative();
    assertThat(value(text, "pindesk_central_db_connections{state=\"idle\"}")).isNotNegative();
    assertThat(text).contains("jvm_memory_used_bytes{area=\"heap\"}").contains("jvm_threads_");
  }

  @Test
  void servesOnlyMetricsOnItsListenerAndNothingOfItOnTheReceiversPort() throws Exception {
    assertThat(get(endpoint.uri().resolve("/v1/health")).statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint.uri())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    TestCentralClient.Response onTheMainPort =
        client.send("GET", MetricsEndpoint.PATH, null, Map.of());
    assertThat(onTheMainPort.status()).isEqualTo(404);
  }
}
