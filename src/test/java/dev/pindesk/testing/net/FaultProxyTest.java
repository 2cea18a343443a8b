package dev.pindesk.testing.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test proxy itself: it passes bytes faithfully and breaks them exactly as planned. */
class FaultProxyTest {
  private ServerSocket echo;
  private Thread echoThread;
  private final Deque<Fault> planned = new ArrayDeque<>();
  private final java.util.concurrent.atomic.AtomicInteger served =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void startUpperCaseServer() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    echoThread =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try (Socket s = echo.accept()) {
                  byte[] all = s.getInputStream().readAllBytes();
                  served.incrementAndGet();
                  s.getOutputStream()
                      .write(
                          new String(all, StandardCharsets.US_ASCII)
                              .toUpperCase()
                              .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  // next connection
                }
              }
            });
    echoThread.setDaemon(true);
    echoThread.start();
  }

  @AfterEach
  void stop() throws IOException {
    echo.close();
  }

  private String roundTrip(FaultProxy proxy, String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      s.setSoTimeout(3000);
      try {
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.shutdownOutput();
      } catch (IOException e) {
        return ""; // dropped (reset) before the request was written: nothing arrives
      }
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      byte[] b = new byte[64];
      int n;
      try {
        while ((n = in.read(b)) >= 0) {
          got.write(b, 0, n);
        }
      } catch (IOException e) {
        // a cut connection: report what arrived
      }
      return got.toString(StandardCharsets.US_ASCII);
    }
  }

  @Test
  void passesBytesBothWaysUnchanged() throws IOException {
    try (FaultProxy proxy = new FaultProxy(echo.getLocalPort(), () -> Fault.PASS)) {
      assertThat(roundTrip(proxy, "hello proxy")).isEqualTo("HELLO PROXY");
      assertThat(proxy.count(Fault.Kind.PASS)).isEqualTo(1);
    }
  }

  @Test
  void cutsTheResponseAfterTheGivenBytes() throws IOException {
    planned.add(Fault.cutResponse(4));
    try (FaultProxy proxy = new FaultProxy(echo.getLocalPort(), planned::poll)) {
      assertThat(roundTrip(proxy, "abcdefgh")).isEqualTo("ABCD");
    }
  }

  @Test
  void dropsAndDelaysAsPlannedThenRecovers() throws IOException {
    planned.add(Fault.drop());
    planned.add(Fault.delay(200));
    planned.add(Fault.PASS);
    try (FaultProxy proxy = new FaultProxy(echo.getLocalPort(), planned::poll)) {
      assertThat(roundTrip(proxy, "x")).isEmpty();
      long t0 = System.nanoTime();
      assertThat(roundTrip(proxy, "slow")).isEqualTo("SLOW");
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(200);
      assertThat(roundTrip(proxy, "ok")).isEqualTo("OK");
    }
  }

  @Test
  void aDownLinkRefusesEveryConnectionUntilItIsUpAgain() throws IOException {
    try (FaultProxy proxy = new FaultProxy(echo.getLocalPort(), () -> Fault.PASS)) {
      proxy.linkDown(true);
      assertThat(roundTrip(proxy, "lost")).isEmpty();
      proxy.linkDown(false);
      assertThat(roundTrip(proxy, "back")).isEqualTo("BACK");
    }
  }

  @Test
  void aDuplicatedHttpRequestReachesTheServerTwice() throws IOException {
    planned.add(Fault.duplicate());
    String request = "POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc";
    try (FaultProxy proxy = new FaultProxy(echo.getLocalPort(), planned::poll)) {
      assertThat(roundTrip(proxy, request)).isEqualTo(request.toUpperCase());
      assertThat(proxy.count(Fault.Kind.DUPLICATE)).isEqualTo(1);
      long deadline = System.currentTimeMillis() + 3000;
      while (served.get() < 2 && System.currentTimeMillis() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(served.get()).isEqualTo(2);
    }
  }

  @Test
  void aServerErrorReplacesTheServersAnswer() throws IOException {
    planned.add(Fault.serverError());
    try (FaultProxy proxy = new FaultProxy(echo.getLocalPort(), planned::poll)) {
      assertThat(roundTrip(proxy, "GET / HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 500 ");
    }
  }
}
