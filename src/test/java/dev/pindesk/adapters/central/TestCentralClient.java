package dev.pindesk.adapters.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.sync.SealedBatch;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test workstation: HTTPS pinned to exactly {@code central.crt}, requests signed per protocol.
 */
final class TestCentralClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Response(int status, JsonNode json) {
    String error() {
      return json.path("error").asText();
    }
  }

  private final URI base;
  private final HttpClient http;

  TestCentralClient(URI base, Path pinnedCert) throws Exception {
    this.base = base;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (pinnedCert != null) {
      builder.sslContext(pinned(pinnedCert));
    }
    this.http = builder.version(HttpClient.Version.HTTP_1_1).build();
  }

  static SSLContext pinned(Path cert) throws Exception {
    X509Certificate c;
    try (InputStream in = Files.newInputStream(cert)) {
      c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("central", c);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  /** Signed headers for a request made now (or at {@code timeMillis}). */
  static Map<String, String> sign(
      Sm2KeyPair keys, String method, String path, byte[] body, long timeMillis) {
    return RequestAuth.headers(
        keys.publicKey(), keys.privateKey(), method, path, contentOf(path, body), timeMillis);
  }

  /** The content line a workstation signs: a batch's summary, else the SM3 of the body. */
  static String contentOf(String path, byte[] body) {
    if (path.endsWith(SyncProtocol.BATCHES)) {
      try {
        return RequestAuth.content(BatchCodec.decode(body));
      } catch (IllegalArgumentException notABatch) {
        return RequestAuth.content(body);
      }
    }
    return RequestAuth.content(body);
  }

  Response post(Sm2KeyPair keys, SealedBatch batch) throws Exception {
    byte[] body = BatchCodec.encode(batch);
    return send(
        "POST",
        SyncProtocol.BATCHES,
        body,
        sign(keys, "POST", SyncProtocol.BATCHES, body, System.currentTimeMillis()));
  }

  /** Protocol-2 headers (ADR 0032): content line and length signed and sent in headers. */
  static Map<String, String> signV2(
      Sm2KeyPair keys, String method, String path, String content, long length, long timeMillis) {
    return RequestAuth.headersV2(
        keys.publicKey(), keys.privateKey(), method, path, content, length, timeMillis);
  }

  /** A batch in protocol 2, as the workstation of this release sends it. */
  Response postV2(Sm2KeyPair keys, SealedBatch batch) throws Exception {
    byte[] body = BatchCodec.encode(batch);
    return send(
        "POST",
        SyncProtocol.BATCHES,
        body,
        signV2(
            keys,
            "POST",
            SyncProtocol.BATCHES,
            RequestAuth.content(batch),
            body.length,
            System.currentTimeMillis()));
  }

  Response receipt(Sm2KeyPair keys, String journalHex) throws Exception {
    String path = SyncProtocol.JOURNALS + journalHex + "/receipt";
    return send(
        "GET", path, null, sign(keys, "GET", path, new byte[0], System.currentTimeMillis()));
  }

  Response send(String method, String path, byte[] body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    headers.forEach(b::header);
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", SyncProtocol.BATCH_CONTENT_TYPE);
      b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), JSON.readTree(r.body()));
  }
}
