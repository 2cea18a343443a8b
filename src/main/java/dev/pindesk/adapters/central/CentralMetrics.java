package dev.pindesk.adapters.central;

import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * What the receiver counts for its operator (ADR 0033, docs/central-deployment.md "Metrics"):
 * batches, entries, refusals by reason, requests and their latency by endpoint, the database pool,
 * and the JVM's memory and threads, in the Prometheus text format.
 *
 * <p>Every label value is one of a fixed set the central chooses (an endpoint, an HTTP status it
 * sent, a documented refusal code): never a key id, journal id, address or anything else a client
 * sends, so a hostile client can neither grow the series without bound nor read them back.
 *
 * <p>One instance per server, with its own registry (tests run several servers in one JVM).
 */
public final class CentralMetrics {
  /** {@code text/plain; version=0.0.4; charset=utf-8}. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  /**
   * Upper bounds of the latency buckets, in seconds: a health check takes milliseconds, a batch of
   * 4 MiB over a slow link up to the request timeout (120 s).
   */
  private static final double[] LATENCY_BOUNDS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120
  };

  /** The endpoints of docs/sync-protocol.md; anything else is {@code other}. */
  public enum Endpoint {
    BATCHES,
    RECEIPT,
    HEALTH,
    OTHER;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The endpoint a request path names (its raw path, without the query). */
    public static Endpoint of(String rawPath) {
      if (rawPath == null) {
        return OTHER;
      }
      if (SyncProtocol.BATCHES.equals(rawPath)) {
        return BATCHES;
      }
      if (SyncProtocol.HEALTH.equals(rawPath)) {
        return HEALTH;
      }
      if (rawPath.startsWith(SyncProtocol.JOURNALS) && rawPath.endsWith("/receipt")) {
        return RECEIPT;
      }
      return OTHER;
    }
  }

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter batches;
  private final Counter entries;
  private final Counter refusals;
  private final Counter requests;
  private final Histogram latency;

  private CentralMetrics(CentralDatabase db, boolean jvm) {
    batches =
        Counter.builder()
            .name("pindesk_central_batches")
            .help("Batches answered with a receipt: stored (new entries) or duplicate (none new)")
            .labelNames("outcome")
            .register(registry);
    batches.initLabelValues("stored");
    batches.initLabelValues("duplicate");
    entries =
        Counter.builder()
            .name("pindesk_central_entries_stored")
            .help("Journal entries stored (each seq of each journal once)")
            .register(registry);
    refusals =
        Counter.builder()
            .name("pindesk_central_refusals")
            .help("Requests refused, by the documented error code (docs/sync-protocol.md)")
            .labelNames("reason")
            .register(registry);
    for (Refusal r : Refusal.values()) {
      refusals.initLabelValues(r.wireName());
    }
    requests =
        Counter.builder()
            .name("pindesk_central_requests")
            .help("Requests answered, by endpoint and HTTP status")
            .labelNames("endpoint", "status")
            .register(registry);
    latency =
        Histogram.builder()
            .name("pindesk_central_request_duration_seconds")
            .help("Time from a request's arrival at its handler until its answer was sent")
            .labelNames("endpoint")
            .classicOnly()
            .classicUpperBounds(LATENCY_BOUNDS)
            .register(registry);
    for (Endpoint e : Endpoint.values()) {
      latency.initLabelValues(e.label());
    }
    if (db != null) {
      poolGauges(db);
    }
    if (jvm) {
      JvmMetrics.builder().register(registry);
    }
  }

  /** The metrics of a server over {@code db}: its pool, and the JVM's memory and threads. */
  public static CentralMetrics of(CentralDatabase db) {
    return new CentralMetrics(db, true);
  }

  /** Counters that nobody scrapes (a part used on its own, in tests and benchmarks). */
  static CentralMetrics unscraped() {
    return new CentralMetrics(null, false);
  }

  private void poolGauges(CentralDatabase db) {
    GaugeWithCallback.builder()
        .name("pindesk_central_db_connections")
        .help("Database connections of the pool, by state (ADR 0030)")
        .labelNames("state")
        .callback(
            cb -> {
              CentralDatabase.PoolUse use = db.poolUse();
              cb.call(use.active(), "active");
              cb.call(use.idle(), "idle");
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("pindesk_central_db_connections_max")
        .help("The most connections the pool opens")
        .callback(cb -> cb.call(db.poolUse().max()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("pindesk_central_db_waiting_threads")
        .help("Request threads waiting for a free database connection")
        .callback(cb -> cb.call(db.poolUse().waiting()))
        .register(registry);
  }

  /** A batch answered with a receipt after {@code stored} new entries (0: a duplicate). */
  void batch(int stored) {
    if (stored > 0) {
      batches.labelValues("stored").inc();
      entries.inc(stored);
    } else {
      batches.labelValues("duplicate").inc();
    }
  }

  /** A refusal, counted by its documented code (an oversized body is {@code malformed}). */
  void refused(Refusal code) {
    refusals.labelValues(code.wireName()).inc();
  }

  /**
   * A request to {@code endpoint} answered with {@code status} (-1 or 0: none was sent) after
   * {@code nanos}.
   */
  public void answered(Endpoint endpoint, int status, long nanos) {
    latency.labelValues(endpoint.label()).observe(nanos / 1e9);
    requests.labelValues(endpoint.label(), status > 0 ? statusLabel(status) : "none").inc();
  }

  /** A status the central sends, or {@code other}: the label set stays small whatever happens. */
  private static String statusLabel(int status) {
    return status >= 100 && status <= 599 ? Integer.toString(status) : "other";
  }

  /** Writes every metric in the Prometheus text format 0.0.4. */
  public void writeTo(OutputStream out) throws IOException {
    PrometheusTextFormatWriter.create()
        .write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
  }

  /** The text exposition as a string (tests, diagnostics). */
  public String scrape() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
