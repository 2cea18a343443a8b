package dev.pindesk.adapters.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver's HTTP endpoints (docs/sync-protocol.md): {@code GET /v1/health}, {@code POST
 * /v1/batches} and {@code GET /v1/journals/{id}/receipt}. Every answer is JSON; failures are the
 * documented refusal bodies, never a stack trace.
 */
final class SyncHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SyncHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RECEIPT =
      Pattern.compile(Pattern.quote(SyncProtocol.JOURNALS) + "([0-9A-Fa-f]{32})/receipt");

  /** Oversized bodies up to this size are read to the end before the 413 is sent. */
  private static final long DRAIN_LIMIT = 4L * BatchCodec.MAX_BYTES;

  private final CentralStore store;
  private final RequestAuthenticator auth;
  private final BatchIntake intake;
  private final RefusalLog refusals;

  SyncHandler(
      CentralStore store,
      RequestAuthenticator auth,
      BatchIntake intake,
      Clock clock,
      CentralMetrics metrics) {
    this.store = store;
    this.auth = auth;
    this.intake = intake;
    this.refusals = new RefusalLog(store, clock, metrics);
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      route(exchange);
    } catch (IOException e) {
      LOG.debug("connection ended during {}: {}", exchange.getRequestURI(), e.toString());
    } catch (RuntimeException e) {
      LOG.error("unexpected failure on {}", exchange.getRequestURI(), e);
      try {
        send(exchange, 500, error("internal", "internal error; see the central's log"));
      } catch (IOException | RuntimeException ignored) {
        // The answer could not be sent either; the client sees a broken connection and retries.
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    if (SyncProtocol.HEALTH.equals(path)) {
      if (!"GET".equals(method)) {
        send(exchange, 405, error("method_not_allowed", "use GET"));
      } else if (store.database().reachable()) {
        send(exchange, 200, "{\"status\":\"ok\"}");
      } else {
        send(exchange, 503, error(Refusal.UNAVAILABLE.wireName(), "the store is unavailable"));
      }
      return;
    }
    Matcher receipt = RECEIPT.matcher(path);
    boolean batches = SyncProtocol.BATCHES.equals(path);
    if (!batches && !receipt.matches()) {
      send(exchange, 404, error("not_found", "no such resource"));
      return;
    }
    String expected = batches ? "POST" : "GET";
    if (!expected.equals(method)) {
      send(exchange, 405, error("method_not_allowed", "use " + expected));
      return;
    }
    try {
      String query = exchange.getRequestURI().getRawQuery();
      String pathAndQuery = query == null ? path : path + "?" + query;
      UnaryOperator<String> header = name -> exchange.getRequestHeaders().getFirst(name);
      Receipt r;
      if (batches) {
        try (BatchIntake.Arrival arrival = intake.arrive()) {
          SealedBatch batch = readBatch(exchange, arrival);
          CentralStore.Workstation sender =
              auth.authenticate(method, pathAndQuery, header, RequestAuth.content(batch));
          r = intake.apply(sender, batch, arrival);
        }
      } else {
        byte[] body = readBody(exchange);
        CentralStore.Workstation sender =
            auth.authenticate(method, pathAndQuery, header, RequestAuth.content(body));
        r = intake.receipt(sender, receipt.group(1));
      }
      send(exchange, 200, ReceiptCodec.toJson(r));
    } catch (Refused r) {
      send(exchange, r.status(), r.toJson());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(exchange, 503, error(Refusal.UNAVAILABLE.wireName(), "the central is stopping"));
    } catch (SQLException e) {
      LOG.warn("store unavailable on {} {}: {}", method, path, e.getMessage());
      send(exchange, 503, error(Refusal.UNAVAILABLE.wireName(), "the store is unavailable"));
    }
  }

  /**
   * The batch in the request body, decoded as it arrives with each entry handed to {@code arrival}
   * (hashing starts before the last byte is in), and before authentication because the signature
   * covers its summary (see {@link RequestAuth}). A body that is no batch is refused as {@code
   * malformed}, recorded under the key id it claims.
   */
  private SealedBatch readBatch(HttpExchange exchange, BatchIntake.Arrival arrival)
      throws IOException, Refused {
    try (LimitedBody in = body(exchange)) {
      try {
        SealedBatch batch = BatchCodec.read(in, arrival::header, arrival::add);
        arrival.finish();
        return batch;
      } catch (IllegalArgumentException e) {
        in.discardRest(); // so that the client, maybe still sending, reads the answer
        throw e;
      }
    } catch (LimitedBody.TooLarge e) {
      throw tooLarge(exchange, e.close());
    } catch (IllegalArgumentException e) {
      Refused r = Refused.of(Refusal.MALFORMED, "not a batch: " + e.getMessage());
      refusals.record(exchange.getRequestHeaders().getFirst(SyncProtocol.H_KEY_ID), "", r);
      throw r;
    }
  }

  /** A body that is not a batch (empty for GET), within the same limit. */
  private byte[] readBody(HttpExchange exchange) throws IOException, Refused {
    try (LimitedBody in = body(exchange)) {
      return in.readAllBytes();
    } catch (LimitedBody.TooLarge e) {
      throw tooLarge(exchange, e.close());
    }
  }

  /**
   * The request body, refused (413) past the size of the largest batch. An oversized body is read
   * and discarded up to {@link #DRAIN_LIMIT} so the client, still sending, gets the answer instead
   * of a reset connection; beyond that the answer is sent at once and the connection closed.
   */
  private LimitedBody body(HttpExchange exchange) throws LimitedBody.TooLarge {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    long declared = -1;
    if (length != null) {
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        declared = -1;
      }
    }
    if (declared > DRAIN_LIMIT) {
      throw new LimitedBody.TooLarge(true);
    }
    LimitedBody body =
        new LimitedBody(exchange.getRequestBody(), BatchCodec.MAX_BYTES, DRAIN_LIMIT);
    if (declared > BatchCodec.MAX_BYTES) {
      throw new LimitedBody.TooLarge(!body.discardRest());
    }
    return body;
  }

  private Refused tooLarge(HttpExchange exchange, boolean close) {
    Refused r = Refused.tooLarge(BatchCodec.MAX_BYTES);
    refusals.record(exchange.getRequestHeaders().getFirst(SyncProtocol.H_KEY_ID), "", r);
    if (close) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    return r;
  }

  private static String error(String code, String detail) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", code);
    o.put("detail", detail);
    return o.toString();
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
