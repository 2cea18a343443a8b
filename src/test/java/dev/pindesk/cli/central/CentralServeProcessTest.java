package dev.pindesk.cli.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code central serve} as its own process: ready line on stdout, clean stop on SIGTERM, stalled
 * uploads dropped (the JDK server's timeouts are per JVM, so this needs a process of its own).
 */
class CentralServeProcessTest {
  @TempDir Path dir;

  @Test
  void stopsCleanlyOnSigtermAndTheDatabaseOpensAgain() throws Exception {
    Process p = serve();
    try {
      URI central = readyUri(p);
      assertThat(health(central)).isEqualTo(200);
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

  /**
   * A workstation whose link dies mid-upload leaves a connection that never sends the rest of its
   * body and never closes. Without a request timeout the JDK server would keep the request thread
   * waiting for it forever; with one request thread, the central would never answer again.
   */
  @Test
  void anUploadWhoseLinkDiedMidBodyIsDroppedAndFreesItsThread() throws Exception {
    Process p = serve("--threads", "1", "--request-timeout", "2");
    try {
      URI central = readyUri(p);
      SSLContext tls = CentralServeCliTest.pinned(dir.resolve("central.crt"));
      try (Socket stalled = tls.getSocketFactory().createSocket("localhost", central.getPort())) {
        OutputStream out = stalled.getOutputStream();
        out.write(
            ("POST /v1/batches HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n"
                    + "0123456789")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // The one request thread now waits for the other 99,990 bytes, which never come.
        stalled.setSoTimeout(30_000);
        long t0 = System.nanoTime();
        assertThat(endOfStream(stalled.getInputStream()))
            .as("the central closed the stalled connection")
            .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
      }
      assertThat(health(central)).as("the request thread is free again").isEqualTo(200);
    } finally {
      p.destroyForcibly();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private Process serve(String... options) throws Exception {
    List<String> command =
        ChildJvm.onTestClasspath(
            dir,
            "-Dpindesk.log.dir=" + dir.resolve("logs"),
            "dev.pindesk.app.Launcher",
            "central",
            "serve",
            "--port",
            "0",
            "--db",
            dir.resolve("central.db").toString());
    command.addAll(List.of(options));
    return new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
  }

  /** The URL from the ready line (default language, Chinese: whatever the words). */
  private URI readyUri(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as(Files.readString(dir.resolve("stderr.txt"))).isNotNull();
    assertThat(line).contains(dir.resolve("central.crt").toString());
    Matcher m = Pattern.compile("(https://localhost:\\d+)").matcher(line);
    assertThat(m.find()).isTrue();
    return URI.create(m.group(1));
  }

  private int health(URI central) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(CentralServeCliTest.pinned(dir.resolve("central.crt")))
            .build();
    return http.send(
            HttpRequest.newBuilder(central.resolve("/v1/health"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** True when the peer closed or reset the connection; false when a read timed out. */
  private static boolean endOfStream(InputStream in) {
    try {
      while (in.read() >= 0) {
        // An answer would do too; the central sends none to a body that never ends.
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
