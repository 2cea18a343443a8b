package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code central serve} as its own process: ready line on stdout, clean stop on SIGTERM. */
class CentralServeProcessTest {
  @TempDir Path dir;

  @Test
  void stopsCleanlyOnSigtermAndTheDatabaseOpensAgain() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    javaBin,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dpindesk.log.dir=" + dir.resolve("logs"),
                    "dev.pindesk.app.Launcher",
                    "central",
                    "serve",
                    "--port",
                    "0",
                    "--db",
                    dir.resolve("central.db").toString()))
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      // In the default language (Chinese): the URL and the certificate to pin, whatever the words.
      assertThat(line).isNotNull().contains(dir.resolve("central.crt").toString());
      Matcher m = Pattern.compile("(https://localhost:\\d+)").matcher(line);
      assertThat(m.find()).isTrue();
      HttpClient http =
          HttpClient.newBuilder()
              .sslContext(CentralServeCliTest.pinned(dir.resolve("central.crt")))
              .build();
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(m.group(1) + "/v1/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isIn(0, 143);
    } finally {
      p.destroyForcibly();
    }
    // The shutdown hook ran: the receiver logged its stop (test classpath: pindesk-test.log).
    try (var logs = Files.list(dir.resolve("logs"))) {
      String log = Files.readString(logs.findFirst().orElseThrow());
      assertThat(log).contains("stopped");
    }
    CentralCliTest.Result stats =
        CentralCliTest.run("central", "stats", "--db", dir.resolve("central.db").toString());
    assertThat(stats.exit()).as(stats.err()).isZero();
  }
}
