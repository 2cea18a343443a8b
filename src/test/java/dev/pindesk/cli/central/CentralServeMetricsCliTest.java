package dev.pindesk.cli.central;

import static dev.pindesk.cli.central.CentralCliTest.assertOneCleanLine;
import static dev.pindesk.cli.central.CentralCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.cli.central.CentralCliTest.Result;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code central serve --metrics-bind}: the metrics listener, its line, and its bad values. */
class CentralServeMetricsCliTest {
  private static final Pattern METRICS =
      Pattern.compile("Metrics \\(Prometheus\\) on (http://127\\.0\\.0\\.1:\\d+/metrics)");

  @TempDir Path dir;

  private static String await(StringWriter out, Pattern p) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher m = p.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no " + p + ": " + out);
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPortAloneServesMetricsOnLoopbackAndTheyCountTheReceiversRequests() throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    String db = dir.resolve("central.db").toString();
    Thread serve =
        new Thread(
            () ->
                exit.set(
                    run(out, "central", "serve", "--port", "0", "--db", db, "--metrics-bind", "0")
                        .exit()));
    serve.start();
    try {
      String url = CentralServeCliTest.awaitUrl(out);
      String metrics = await(out, METRICS);
      assertThat(out.toString()).contains(metrics + " (plain HTTP, no authentication: keep it off");
      HttpClient https =
          HttpClient.newBuilder()
              .sslContext(CentralServeCliTest.pinned(dir.resolve("central.crt")))
              .build();
      assertThat(get(https, url + "/v1/health").statusCode()).isEqualTo(200);
      assertThat(get(https, url + "/metrics").statusCode()).isEqualTo(404);

      HttpResponse<String> scrape = get(HttpClient.newHttpClient(), metrics);
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body())
          .contains("pindesk_central_requests_total{endpoint=\"health\",status=\"200\"} 1")
          .contains("pindesk_central_requests_total{endpoint=\"other\",status=\"404\"} 1")
          .contains("pindesk_central_refusals_total{reason=\"fork\"} 0")
          .contains("pindesk_central_db_connections_max ");
    } finally {
      serve.interrupt();
      serve.join(15_000);
    }
    assertThat(serve.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
  }

  @Test
  void aValueThatIsNoPortOrAddressIsOneUsageLine() {
    String db = dir.resolve("central.db").toString();
    for (String bad : new String[] {"metrics", "127.0.0.1:", "::1:9470", "127.0.0.1:70000"}) {
      Result r = run("central", "serve", "--port", "0", "--db", db, "--metrics-bind", bad);
      assertThat(r.exit()).as(bad).isEqualTo(2);
      assertThat(r.err()).startsWith("central serve: --metrics-bind " + bad + " is not valid");
      assertOneCleanLine(r.err());
    }
  }

  @Test
  void aMetricsPortInUseStopsTheReceiverFromStartingAndSaysWhich() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String bind = "127.0.0.1:" + taken.getLocalPort();
      Result r =
          run(
              "central",
              "serve",
              "--port",
              "0",
              "--db",
              dir.resolve("central.db").toString(),
              "--metrics-bind",
              bind);
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("central serve: cannot serve metrics on " + bind)
          .contains("not an address of this machine. Choose another with --metrics-bind;");
      assertOneCleanLine(r.err());
    }
  }
}
