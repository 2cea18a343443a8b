package dev.pindesk.adapters.central;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} in the Prometheus text format, on a listener of its own (ADR 0033): plain
 * HTTP, without authentication, so on a loopback address unless the operator names another one
 * ({@code central serve --metrics-bind}). The receiver's own port, open to every service center,
 * never answers it: the counts say how busy the central is and which refusals it sees.
 *
 * <p>One thread: a scrape takes a millisecond, and a scraper that stalls holds only this listener.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

  /** The one path served. */
  public static final String PATH = "/metrics";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Serves {@code metrics} on {@code address} (port 0: any free one).
   *
   * @throws IOException when the address cannot be bound
   */
  public static MetricsEndpoint start(CentralMetrics metrics, InetSocketAddress address)
      throws IOException {
    HttpServer server = HttpServer.create(address, 8);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "central-metrics");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", exchange -> answer(exchange, metrics));
    server.setExecutor(executor);
    server.start();
    MetricsEndpoint started = new MetricsEndpoint(server, executor);
    LOG.info("metrics on {}", started.uri());
    return started;
  }

  private static void answer(HttpExchange exchange, CentralMetrics metrics) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!PATH.equals(exchange.getRequestURI().getRawPath())) {
        send(
            exchange,
            404,
            "text/plain; charset=utf-8",
            "not found\n".getBytes(StandardCharsets.UTF_8),
            true);
      } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(
            exchange,
            405,
            "text/plain; charset=utf-8",
            "use GET\n".getBytes(StandardCharsets.UTF_8),
            true);
      } else {
        ByteArrayOutputStream text = new ByteArrayOutputStream(16 * 1024);
        metrics.writeTo(text);
        send(exchange, 200, CentralMetrics.CONTENT_TYPE, text.toByteArray(), "GET".equals(method));
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("metrics request ended: {}", e.toString());
    }
  }

  private static void send(
      HttpExchange exchange, int status, String type, byte[] body, boolean withBody)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, withBody ? body.length : -1);
    if (withBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** {@code http://ADDRESS:PORT/metrics} with the port bound. */
  public URI uri() {
    InetSocketAddress bound = server.getAddress();
    InetAddress a = bound.getAddress();
    String host =
        a instanceof java.net.Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    return URI.create("http://" + host + ":" + bound.getPort() + PATH);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
