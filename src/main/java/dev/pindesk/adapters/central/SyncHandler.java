package dev.pindesk.adapters.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver's HTTP endpoints (docs/sync-protocol.md): {@code GET /v1/health}, {@code POST
 * /v1/batches} and {@code GET /v1/journals/{id}/receipt}. Every answer is JSON; failures are the
 * documented refusal bodies, never a stack trace: Jetty's own refusals (a malformed request, a body
 * too slow, a full queue) too, through {@link #ERRORS}.
 *
 * <p>A blocking handler: each request runs on a request thread of its own from its headers to its
 * answer, bounded by the handlers in front of it ({@link CentralServer}) and by the request
 * timeout, past which its connection is closed.
 */
final class SyncHandler extends Handler.Abstract {
  static final String HEALTH_PATH = SyncProtocol.HEALTH;

  private static final Logger LOG = LoggerFactory.getLogger(SyncHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RECEIPT =
      Pattern.compile(Pattern.quote(SyncProtocol.JOURNALS) + "([0-9A-Fa-f]{32})/receipt");

  /** Oversized bodies up to this size are read to the end before the 413 is sent. */
  private static final long DRAIN_LIMIT = 4L * BatchCodec.MAX_BYTES;

  private final CentralStore store;
  private final RequestAuthenticator auth;
  private final BatchIntake intake;
  private final Duration requestTimeout;
  private final long minBodyRate;

  SyncHandler(
      CentralStore store,
      RequestAuthenticator auth,
      BatchIntake intake,
      Duration requestTimeout,
      long minBodyRate) {
    super(InvocationType.BLOCKING);
    this.store = store;
    this.auth = auth;
    this.intake = intake;
    this.requestTimeout = requestTimeout;
    this.minBodyRate = minBodyRate;
  }

  /** One request and its answer; {@link #send} completes it, {@link #fail} abandons it. */
  private static final class Exchange {
    final Request request;
    final Response response;
    private final Callback callback;
    private boolean answered;

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    String header(String name) {
      return request.getHeaders().get(name);
    }

    String path() {
      return request.getHttpURI().getPath();
    }

    void send(int status, String json) {
      send(status, "application/json; charset=utf-8", json);
    }

    /** Any text answer (e.g. a metrics page): one call, whatever class renders it. */
    void send(int status, String contentType, String text) {
      if (answered) {
        return;
      }
      answered = true;
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      response.setStatus(status);
      HttpFields.Mutable h = response.getHeaders();
      h.put(HttpHeader.CONTENT_TYPE, contentType);
      h.put(HttpHeader.CACHE_CONTROL, "no-store");
      h.put(HttpHeader.CONTENT_LENGTH, String.valueOf(bytes.length));
      response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    void fail(Throwable t) {
      if (!answered) {
        answered = true;
        callback.failed(t);
      }
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    // Past the request timeout the connection is closed: a body that stopped arriving, or an
    // answer nobody takes, frees its request thread (the blocked read or write fails).
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    Scheduler.Task deadline =
        request.getComponents().getScheduler().schedule(() -> endPoint.close(), requestTimeout);
    Exchange exchange =
        new Exchange(request, response, Callback.from(callback, () -> deadline.cancel()));
    try {
      route(exchange);
    } catch (LimitedBody.TooSlow e) {
      // Not a refusal to record: a link too slow says nothing about the batch (and in protocol 1
      // nothing about the sender is proven yet). The connection goes with the answer.
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      exchange.send(408, error("timeout", "the request body arrived too slowly"));
    } catch (IOException e) {
      LOG.debug("connection ended during {}: {}", exchange.path(), e.toString());
      exchange.fail(e);
    } catch (RuntimeException e) {
      LOG.error("unexpected failure on {}", exchange.path(), e);
      if (response.isCommitted()) {
        exchange.fail(e);
      } else {
        exchange.send(500, error("internal", "internal error; see the central's log"));
      }
    }
    // Every path above answered; should one not, the request still ends instead of hanging.
    exchange.fail(new IllegalStateException("no answer"));
    return true;
  }

  /**
   * The answer to requests Jetty refuses itself (malformed, headers too large, a body too slow, a
   * queue full): the same JSON as every other refusal, never an HTML page.
   */
  static final Request.Handler ERRORS =
      (request, response, callback) -> {
        Object s = request.getAttribute(ErrorHandler.ERROR_STATUS);
        int status = s instanceof Integer i ? i : response.getStatus();
        String code =
            switch (status) {
              case 400 -> "bad_request";
              case 408 -> "timeout";
              case 413 -> "too_large";
              case 431 -> "headers_too_large";
              case 503 -> Refusal.UNAVAILABLE.wireName();
              default -> "http_" + status;
            };
        new Exchange(request, response, callback).send(status, error(code, "refused: " + status));
        return true;
      };

  private void route(Exchange exchange) throws IOException {
    String method = exchange.request.getMethod();
    String path = exchange.path();
    if (SyncProtocol.HEALTH.equals(path)) {
      if (!"GET".equals(method)) {
        exchange.send(405, error("method_not_allowed", "use GET"));
      } else if (store.database().reachable()) {
        exchange.send(200, "{\"status\":\"ok\"}");
      } else {
        exchange.send(503, error(Refusal.UNAVAILABLE.wireName(), "the store is unavailable"));
      }
      return;
    }
    Matcher receipt = RECEIPT.matcher(path);
    boolean batches = SyncProtocol.BATCHES.equals(path);
    if (!batches && !receipt.matches()) {
      exchange.send(404, error("not_found", "no such resource"));
      return;
    }
    String expected = batches ? "POST" : "GET";
    if (!expected.equals(method)) {
      exchange.send(405, error("method_not_allowed", "use " + expected));
      return;
    }
    try {
      String query = exchange.request.getHttpURI().getQuery();
      String pathAndQuery = query == null ? path : path + "?" + query;
      UnaryOperator<String> header = exchange::header;
      Receipt r;
      if (RequestAuthenticator.isV2(header)) {
        r = v2(exchange, batches ? null : receipt.group(1), method, pathAndQuery, header);
      } else if (batches) {
        try (BatchIntake.Arrival arrival = intake.arrive()) {
          SealedBatch batch = readBatch(exchange, arrival, auth::unproven);
          CentralStore.Workstation sender =
              auth.authenticate(method, pathAndQuery, header, RequestAuth.content(batch));
          r = intake.apply(sender, batch, arrival);
        }
      } else {
        byte[] body = readBody(exchange, auth::unproven);
        CentralStore.Workstation sender =
            auth.authenticate(method, pathAndQuery, header, RequestAuth.content(body));
        r = intake.receipt(sender, receipt.group(1));
      }
      exchange.send(200, ReceiptCodec.toJson(r));
    } catch (Refused r) {
      exchange.send(r.status(), r.toJson());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.send(503, error(Refusal.UNAVAILABLE.wireName(), "the central is stopping"));
    } catch (SQLException e) {
      LOG.warn("store unavailable on {} {}: {}", method, path, e.getMessage());
      exchange.send(503, error(Refusal.UNAVAILABLE.wireName(), "the store is unavailable"));
    }
  }

  /**
   * A protocol-2 request (ADR 0032): its headers authenticated before a byte of its body is read,
   * its {@code Content-Length} the one signed, its body the one whose content line was signed.
   * Refusals before the signature verified are only counted; after, recorded under the proven key.
   *
   * @param journal the journal id of a receipt request; null for a batch
   */
  private Receipt v2(
      Exchange exchange,
      String journal,
      String method,
      String pathAndQuery,
      UnaryOperator<String> header)
      throws IOException, Refused, SQLException, InterruptedException {
    RequestAuthenticator.Proven proven;
    try {
      proven = auth.authenticateHeaders(method, pathAndQuery, header);
    } catch (Refused r) {
      if (declaredLength(exchange) != 0) {
        closeAfterAnswer(exchange); // the body is never read
      }
      throw r;
    }
    CentralStore.Workstation sender = proven.workstation();
    Consumer<Refused> record = r -> auth.proven(sender, "", r);
    if (declaredLength(exchange) != proven.length()) {
      Refused r =
          Refused.of(
              Refusal.MALFORMED, "Content-Length differs from the signed " + SyncProtocol.H_LENGTH);
      record.accept(r);
      closeAfterAnswer(exchange);
      throw r;
    }
    if (journal == null) {
      try (BatchIntake.Arrival arrival = intake.arrive()) {
        SealedBatch batch = readBatch(exchange, arrival, record);
        signedContent(RequestAuth.content(batch), proven, record);
        return intake.apply(sender, batch, arrival);
      }
    }
    signedContent(RequestAuth.content(readBody(exchange, record)), proven, record);
    return intake.receipt(sender, journal);
  }

  /** Refuses a body other than the one whose content line was signed (a rebuilt chain, say). */
  private static void signedContent(
      String content, RequestAuthenticator.Proven proven, Consumer<Refused> record) throws Refused {
    if (!content.equalsIgnoreCase(proven.content())) {
      Refused r =
          Refused.of(Refusal.UNAUTHENTICATED, "the body is not the one whose summary was signed");
      record.accept(r);
      throw r;
    }
  }

  /** The body's length from {@code Content-Length}: 0 without one (no body), -1 when chunked. */
  private static long declaredLength(Exchange exchange) {
    String length = exchange.header("Content-Length");
    if (length == null) {
      return exchange.header("Transfer-Encoding") == null ? 0 : -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void closeAfterAnswer(Exchange exchange) {
    exchange.response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
  }

  /**
   * The batch in the request body, decoded as it arrives with each entry handed to {@code arrival}
   * (hashing starts before the last byte is in). In protocol 1 this comes before authentication,
   * because the signature covers its summary (see {@link RequestAuth}); a refusal then goes to
   * {@code record} as unproven. A body that is no batch is refused as {@code malformed}.
   */
  private SealedBatch readBatch(
      Exchange exchange, BatchIntake.Arrival arrival, Consumer<Refused> record)
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
      throw tooLarge(exchange, e.close(), record);
    } catch (IllegalArgumentException e) {
      Refused r = Refused.of(Refusal.MALFORMED, "not a batch: " + e.getMessage());
      record.accept(r);
      throw r;
    }
  }

  /** A body that is not a batch (empty for GET), within the same limit. */
  private byte[] readBody(Exchange exchange, Consumer<Refused> record) throws IOException, Refused {
    try (LimitedBody in = body(exchange)) {
      return in.readAllBytes();
    } catch (LimitedBody.TooLarge e) {
      throw tooLarge(exchange, e.close(), record);
    }
  }

  /**
   * The request body, refused (413) past the size of the largest batch. An oversized body is read
   * and discarded up to {@link #DRAIN_LIMIT} so the client, still sending, gets the answer instead
   * of a reset connection; beyond that the answer is sent at once and the connection closed.
   */
  private LimitedBody body(Exchange exchange) throws LimitedBody.TooLarge {
    String length = exchange.header("Content-Length");
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
        new LimitedBody(
            Content.Source.asInputStream(exchange.request),
            BatchCodec.MAX_BYTES,
            DRAIN_LIMIT,
            minBodyRate);
    if (declared > BatchCodec.MAX_BYTES) {
      throw new LimitedBody.TooLarge(!body.discardRest());
    }
    return body;
  }

  private static Refused tooLarge(Exchange exchange, boolean close, Consumer<Refused> record) {
    Refused r = Refused.tooLarge(BatchCodec.MAX_BYTES);
    record.accept(r);
    if (close) {
      exchange.response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    return r;
  }

  private static String error(String code, String detail) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", code);
    o.put("detail", detail);
    return o.toString();
  }
}
