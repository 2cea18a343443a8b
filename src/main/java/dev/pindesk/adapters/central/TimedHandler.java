package dev.pindesk.adapters.central;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Times every request around the receiver's handler and counts it by endpoint and the status sent
 * ({@link CentralMetrics#answered}). The path is classified before the handler runs, from the raw
 * path only: a client's query or made-up path never becomes a label.
 */
final class TimedHandler implements HttpHandler {
  private final HttpHandler handler;
  private final CentralMetrics metrics;

  TimedHandler(HttpHandler handler, CentralMetrics metrics) {
    this.handler = handler;
    this.metrics = metrics;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    CentralMetrics.Endpoint endpoint =
        CentralMetrics.Endpoint.of(exchange.getRequestURI().getRawPath());
    long start = System.nanoTime();
    try {
      handler.handle(exchange);
    } finally {
      metrics.answered(endpoint, exchange.getResponseCode(), System.nanoTime() - start);
    }
  }
}
