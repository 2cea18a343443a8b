package dev.pindesk.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pindesk.adapters.journal.ChainCursor;
import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import dev.pindesk.testing.TestCentralKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A minimal central on plain HTTP over loopback for CLI tests (the real receiver is tested
 * elsewhere): keeps one journal's head, answers gaps, signs receipts with a test certificate's key;
 * {@link #refuseWith} makes it refuse every batch.
 */
public final class LoopbackCentral implements AutoCloseable {
  public final TestCentralKeys keys = TestCentralKeys.create();
  private final HttpServer server;
  private byte[] journalId;
  private String workstation;
  private long headSeq;
  private byte[] head;
  private volatile String refusal;

  public LoopbackCentral() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void refuseWith(String code) {
    refusal = code;
  }

  public synchronized long headSeq() {
    return headSeq;
  }

  private synchronized void handle(HttpExchange x) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    if (x.getRequestHeaders().getFirst(SyncProtocol.H_SIGNATURE) == null) {
      answer(x, 401, "{\"error\":\"unauthenticated\",\"detail\":\"no signature\"}");
    } else if (x.getRequestURI().getPath().equals(SyncProtocol.BATCHES)) {
      batch(x, BatchCodec.decode(body));
    } else if (journalId == null) {
      answer(x, 404, "{\"error\":\"unknown_journal\",\"detail\":\"never seen\"}");
    } else {
      answer(x, 200, receipt());
    }
  }

  private void batch(HttpExchange x, SealedBatch b) throws IOException {
    if (refusal != null) {
      answer(x, 409, "{\"error\":\"" + refusal + "\",\"detail\":\"refused by the test\"}");
      return;
    }
    if (journalId == null) {
      journalId = Arrays.copyOfRange(b.entries().get(0).header(), 2, 18);
      workstation = "TRAINING-WS-01";
      head = ChainCursor.genesisOf(b.journalHeader()).orElseThrow();
    }
    if (b.from() > headSeq + 1) {
      answer(
          x, 409, "{\"error\":\"gap\",\"detail\":\"gap\",\"expectedFrom\":" + (headSeq + 1) + "}");
      return;
    }
    for (SealedEntry e : b.entries()) {
      if (e.seq() == headSeq + 1) {
        headSeq = e.seq();
        head = e.hash();
      }
    }
    answer(x, 200, receipt());
  }

  private String receipt() {
    return ReceiptCodec.toJson(
        ReceiptCodec.sign(
            new Receipt(journalId, workstation, headSeq, head, Instant.now(), new byte[0]),
            keys.keyPair().getPrivate()));
  }

  private static void answer(HttpExchange x, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
