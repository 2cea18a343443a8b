package dev.pindesk.cli.central;

import static dev.pindesk.cli.central.CentralCliTest.assertOneCleanLine;
import static dev.pindesk.cli.central.CentralCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.central.CentralIdentity;
import dev.pindesk.cli.central.CentralCliTest.Result;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code central serve} in-process: its URL and certificate line, the names in its certificate,
 * plain HTTP on loopback only, and one clear line for each unusable option.
 */
class CentralServeCliTest {
  private static final Pattern URL = Pattern.compile("listening on (https?://localhost:\\d+)");

  @TempDir Path dir;

  @Test
  void serveOnAPortInUseSaysSo() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      Result r =
          run(
              "central",
              "serve",
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--bind",
              "0.0.0.0",
              "--db",
              dir.resolve("central.db").toString());
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("central serve: port " + taken.getLocalPort() + " is already in use");
      assertOneCleanLine(r.err());
    }
  }

  @Test
  void serveOnPortZeroPrintsItsUrlAndCertificateServesAndStopsWhenInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    String db = dir.resolve("central.db").toString();
    Thread serve =
        new Thread(() -> exit.set(run(out, "central", "serve", "--port", "0", "--db", db).exit()));
    serve.start();
    String url = awaitUrl(out);
    assertThat(out.toString()).contains("certificate to pin: " + dir.resolve("central.crt"));
    HttpClient http =
        HttpClient.newBuilder().sslContext(pinned(dir.resolve("central.crt"))).build();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/v1/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    serve.interrupt();
    serve.join(15_000);
    assertThat(serve.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
  }

  /** A running {@code central serve} on a free port of every interface, stopped by close(). */
  private static final class Serving implements AutoCloseable {
    final Thread thread;
    final int port;

    Serving(String db, String... extra) throws InterruptedException {
      StringWriter out = new StringWriter();
      List<String> args = new ArrayList<>(List.of("central", "serve", "--port", "0", "--db", db));
      args.addAll(List.of(extra));
      thread = new Thread(() -> run(out, args.toArray(String[]::new)));
      thread.start();
      port = URI.create(awaitUrl(out)).getPort();
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(15_000);
    }
  }

  private static int healthAt(String host, int port, Path cert) throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(pinned(cert)).build();
    return http.send(
            HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/v1/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void workstationsReachTheCentralUnderTheNamesGivenWhenItsCertificateIsMade() throws Exception {
    // 127.0.0.2 stands for the address a service center uses: loopback, but not a name the
    // certificate has by default.
    String db = dir.resolve("central.db").toString();
    Path cert = dir.resolve("central.crt");
    try (Serving plain = new Serving(db)) {
      assertThat(healthAt("localhost", plain.port, cert)).isEqualTo(200);
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> healthAt("127.0.0.2", plain.port, cert)))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    Result existing =
        run("central", "serve", "--port", "0", "--db", db, "--cert-name", "127.0.0.2");
    assertThat(existing.exit()).isEqualTo(1);
    assertThat(existing.err())
        .startsWith("central serve: the certificate " + cert + " does not name 127.0.0.2.")
        .contains("move central.crt and central.key away");
    assertOneCleanLine(existing.err());

    Files.move(cert, dir.resolve("old-central.crt"));
    Files.move(dir.resolve("central.key"), dir.resolve("old-central.key"));
    try (Serving named =
        new Serving(db, "--cert-name", "127.0.0.2", "--cert-name", "Central.Example.org")) {
      assertThat(healthAt("127.0.0.2", named.port, cert)).isEqualTo(200);
      CentralIdentity identity = CentralIdentity.loadOrCreate(cert);
      assertThat(identity.names("central.example.org")).isTrue();
      assertThat(identity.names("localhost")).isTrue();
      assertThat(identity.names("127.0.0.2")).isTrue();
      assertThat(identity.names("CENTRAL.example.org")).isTrue();
      assertThat(identity.names("10.1.2.3")).isFalse();
    }

    Result bad = run("central", "serve", "--port", "0", "--db", db, "--cert-name", "not a name");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("is neither a DNS name nor an IP address");
    assertOneCleanLine(bad.err());
  }

  @Test
  void plainHttpServesOnLoopback() throws Exception {
    StringWriter out = new StringWriter();
    String db = dir.resolve("central.db").toString();
    Thread serve =
        new Thread(
            () -> run(out, "central", "serve", "--port", "0", "--db", db, "--insecure-http"));
    serve.start();
    try {
      String url = awaitUrl(out);
      assertThat(url).startsWith("http://");
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/v1/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      serve.interrupt();
      serve.join(15_000);
    }
  }

  @Test
  void plainHttpOffLoopbackIsRefusedWithOneLine() {
    Result r = serveRefused("--insecure-http", "--bind", "0.0.0.0");
    assertThat(r.err()).contains("loopback");
  }

  @Test
  void aConnectionLimitOutOfRangeIsRefusedWithOneLine() {
    Result r = serveRefused("--max-connections", "8", "--max-connections-per-address", "9");
    assertThat(r.err()).contains("--max-connections-per-address");
    assertThat(dir.resolve("c.db")).doesNotExist();
  }

  @Test
  void anAcceptV1UntilThatIsNoDateIsRefusedWithOneLine() {
    Result r = serveRefused("--accept-v1-until", "soon");
    assertThat(r.err()).contains("--accept-v1-until").contains("soon");
    assertThat(dir.resolve("c.db")).doesNotExist();
  }

  @Test
  void aRequestTimeoutOutOfRangeIsRefusedWithOneLine() {
    Result r = serveRefused("--request-timeout", "0");
    assertThat(r.err()).contains("--request-timeout");
    assertThat(dir.resolve("c.db")).doesNotExist();
  }

  @Test
  void aJdbcStoreNeedsCertOut() {
    Result r = run("central", "serve", "--port", "0", "--jdbc", "jdbc:postgresql://localhost/none");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--cert-out");
    assertOneCleanLine(r.err());
  }

  @Test
  void dbAndJdbcTogetherAreAUsageError() {
    Result r =
        run(
            "central",
            "stats",
            "--db",
            dir.resolve("c.db").toString(),
            "--jdbc",
            "jdbc:postgresql://localhost/x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("mutually exclusive");
  }

  /**
   * {@code central serve --port 0 --db c.db} with {@code options}, which must be refused as a usage
   * error in one clean line.
   */
  private Result serveRefused(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("central", "serve", "--port", "0", "--db", dir.resolve("c.db").toString()));
    args.addAll(List.of(options));
    Result r = run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(2);
    assertOneCleanLine(r.err());
    return r;
  }

  static String awaitUrl(StringWriter out) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher m = URL.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no URL: " + out);
  }

  static SSLContext pinned(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (var in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "central",
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
