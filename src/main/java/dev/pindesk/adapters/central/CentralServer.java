package dev.pindesk.adapters.central;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference central receiver: Jetty's HTTP server (ADR 0031) in front of {@link SyncHandler}.
 * HTTPS with the {@link CentralIdentity} certificate; plain HTTP only when asked, and then only on
 * a loopback address.
 *
 * <p>TLS handshakes and request parsing are non-blocking and take no request thread; only a request
 * whose headers are in reaches {@link SyncHandler}, at most {@link Options#threads} at a time
 * ({@link QoSHandler}; more wait without a thread) and at most {@link Limits#requestsPerAddress}
 * from one address ({@link ThreadLimitHandler}). {@code /v1/health} passes both. Connections: at
 * most {@link Limits#maxConnections} ({@link ConnectionLimit}) and {@link
 * Limits#connectionsPerAddress} per address, headers within {@link Limits#headerTimeout} ({@link
 * ConnectionGuard}), a body at {@link Limits#minBodyRate} or faster, nothing idle longer than
 * {@link Limits#idleTimeout}, and a request done within {@link Options#requestTimeout}.
 *
 * <p>In a test: {@code CentralServer.start(store, identity, Options.loopback(0))}, then {@link
 * #uri()} ({@code https://localhost:PORT}) and {@code identity.certificateFile()} to pin.
 */
public final class CentralServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);

  /**
   * The request log's logger: one line per request (client address, method, path, status, bytes in
   * and out, milliseconds); never a header or a body. An operator routes or silences it by this
   * name.
   */
  public static final String REQUEST_LOG = "central-requests";

  private static final String REQUEST_LOG_FORMAT = "%{client}a %m %U %s %I %O %{ms}T";

  /** Threads beyond the request threads: the acceptor, the selector, TLS and parsing. */
  private static final int IO_THREADS = 8;

  /**
   * What one client may hold (ADR 0031, which gives the reasons for each default).
   *
   * @param headerTimeout a request's headers must be in this long after its connection opened
   * @param idleTimeout a connection with nothing arriving or leaving for this long is closed, and
   *     one whose next request has not begun this long after its previous answer
   * @param minBodyRate a body arriving slower than this many bytes a second is refused (408)
   * @param maxConnections connections open at once; past it the central stops accepting
   * @param connectionsPerAddress connections one remote address may hold; more are closed at once
   * @param newConnectionsPerAddress connections one remote address may open a second (and at once
   *     after a pause); more are closed at once, before their TLS handshake
   * @param requestsPerAddress requests from one address handled at once; more wait their turn
   */
  public record Limits(
      Duration headerTimeout,
      Duration idleTimeout,
      long minBodyRate,
      int maxConnections,
      int connectionsPerAddress,
      int newConnectionsPerAddress,
      int requestsPerAddress) {
    public Limits {
      if (headerTimeout.toMillis() < 100 || idleTimeout.toMillis() < 100) {
        throw new IllegalArgumentException("header and idle timeouts of at least 100 ms");
      }
      if (minBodyRate < 0
          || maxConnections < 1
          || connectionsPerAddress < 1
          || newConnectionsPerAddress < 1
          || requestsPerAddress < 1) {
        throw new IllegalArgumentException("limits of at least one (a rate of at least zero)");
      }
    }

    /** The defaults of {@code central serve} (ADR 0031). */
    public static final Limits DEFAULTS =
        new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 1024, 512, 32, 10, 4);
  }

  /**
   * Where and how to listen.
   *
   * @param bind the local address (wildcard for all interfaces)
   * @param port 0 for any free port
   * @param insecureHttp plain HTTP (development only; loopback only)
   * @param threads requests handled at once; more wait, without a thread, in a bounded queue
   * @param requestTimeout how long a request may take from its headers to its answer being sent,
   *     its body's arrival included, before its connection is closed
   * @param limits per-connection and per-address limits
   * @param acceptV1Until protocol-1 requests (body before signature) are accepted until then (ADR
   *     0032), so a fleet can move to protocol 2 counter by counter
   */
  public record Options(
      InetAddress bind,
      int port,
      boolean insecureHttp,
      int threads,
      Clock clock,
      Duration requestTimeout,
      Limits limits,
      Instant acceptV1Until) {
    public Options {
      if (port < 0 || port > 65535 || threads < 1) {
        throw new IllegalArgumentException("port 0..65535 and at least one thread");
      }
      if (requestTimeout.toSeconds() < 1) {
        throw new IllegalArgumentException("a request timeout of at least one second");
      }
      if (insecureHttp && !bind.isLoopbackAddress()) {
        throw new IllegalArgumentException(
            "plain HTTP is served only on a loopback address, not " + bind.getHostAddress());
      }
    }

    /** Protocol 1 accepted until {@link #DEFAULT_ACCEPT_V1_UNTIL}. */
    public Options(
        InetAddress bind,
        int port,
        boolean insecureHttp,
        int threads,
        Clock clock,
        Duration requestTimeout,
        Limits limits) {
      this(
          bind,
          port,
          insecureHttp,
          threads,
          clock,
          requestTimeout,
          limits,
          DEFAULT_ACCEPT_V1_UNTIL);
    }

    /** With the {@link Limits#DEFAULTS}. */
    public Options(
        InetAddress bind,
        int port,
        boolean insecureHttp,
        int threads,
        Clock clock,
        Duration requestTimeout) {
      this(bind, port, insecureHttp, threads, clock, requestTimeout, Limits.DEFAULTS);
    }

    /** With the {@link #DEFAULT_REQUEST_TIMEOUT} and the {@link Limits#DEFAULTS}. */
    public Options(InetAddress bind, int port, boolean insecureHttp, int threads, Clock clock) {
      this(bind, port, insecureHttp, threads, clock, DEFAULT_REQUEST_TIMEOUT);
    }

    /** HTTPS on 127.0.0.1 with the system clock and 8 threads. */
    public static Options loopback(int port) {
      return new Options(InetAddress.getLoopbackAddress(), port, false, 8, Clock.systemUTC());
    }

    public Options withInsecureHttp() {
      return new Options(bind, port, true, threads, clock, requestTimeout, limits, acceptV1Until);
    }

    public Options withClock(Clock c) {
      return new Options(
          bind, port, insecureHttp, threads, c, requestTimeout, limits, acceptV1Until);
    }

    public Options withLimits(Limits l) {
      return new Options(
          bind, port, insecureHttp, threads, clock, requestTimeout, l, acceptV1Until);
    }
  }

  /**
   * Twice the workstation's own request timeout ({@code HttpCentralLink}, 60 s): a workstation has
   * given up on a request long before the central drops it, and a 4 MiB batch (the workstation's
   * largest) still arrives in time over a link of about 300 kbit/s.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Until when protocol 1 is accepted by default (ADR 0032): about half a year after protocol 2,
   * time for every counter of a province to be updated at its next visit.
   */
  public static final Instant DEFAULT_ACCEPT_V1_UNTIL = Instant.parse("2027-07-01T00:00:00Z");

  private final Server server;
  private final ServerConnector connector;
  private final ConnectionGuard guard;
  private final QueuedThreadPool pool;
  private final BatchIntake intake;
  private final UnprovenRefusals unproven;
  private final CentralIdentity identity;
  private final boolean tls;

  private CentralServer(
      Server server,
      ServerConnector connector,
      ConnectionGuard guard,
      QueuedThreadPool pool,
      BatchIntake intake,
      UnprovenRefusals unproven,
      CentralIdentity identity,
      boolean tls) {
    this.server = server;
    this.connector = connector;
    this.guard = guard;
    this.pool = pool;
    this.intake = intake;
    this.unproven = unproven;
    this.identity = identity;
    this.tls = tls;
  }

  /**
   * Starts serving {@code store}; receipts are signed with {@code identity}'s key.
   *
   * @throws IOException when the address cannot be bound
   */
  public static CentralServer start(CentralStore store, CentralIdentity identity, Options options)
      throws IOException {
    return start(store, identity, options, CentralMetrics.of(store.database()));
  }

  /** As {@link #start(CentralStore, CentralIdentity, Options)}, counting in {@code metrics}. */
  public static CentralServer start(
      CentralStore store, CentralIdentity identity, Options options, CentralMetrics metrics)
      throws IOException {
    Limits limits = options.limits();
    // Request threads plus a fixed share for I/O: handshakes and parsing never wait for a request
    // thread, and the queue of tasks is bounded (back pressure instead of unbounded memory). All
    // threads are started at once: a burst of connections finds them ready, not being created.
    int max = options.threads() + IO_THREADS;
    QueuedThreadPool pool =
        new QueuedThreadPool(max, max, 60_000, new BlockingArrayQueue<>(max * 16, 0, max * 16));
    pool.setName("central-http");
    pool.setDaemon(true);
    Server server = new Server(pool);
    ScheduledExecutorScheduler scheduler =
        new ScheduledExecutorScheduler("central-http-timer", true);
    server.addBean(scheduler);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setIdleTimeout(limits.idleTimeout().toMillis());
    http.setRequestHeaderSize(8192);
    HttpConnectionFactory h1 = new HttpConnectionFactory(http);
    ServerConnector connector =
        options.insecureHttp()
            ? new ServerConnector(server, 1, 2, h1)
            : new ServerConnector(
                server,
                1,
                1,
                new SslConnectionFactory(tls(identity), HttpVersion.HTTP_1_1.asString()),
                h1);
    connector.setHost(options.bind().getHostAddress());
    connector.setPort(options.port());
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.setAcceptQueueSize(64);
    server.addConnector(connector);
    server.addBean(new ConnectionLimit(limits.maxConnections(), server));

    UnprovenRefusals unproven = new UnprovenRefusals(options.clock(), metrics);
    RequestAuthenticator auth =
        new RequestAuthenticator(
            store, options.clock(), metrics, unproven, options.acceptV1Until());
    BatchIntake intake = new BatchIntake(store, identity.privateKey(), options.clock(), metrics);
    SyncHandler routes =
        new SyncHandler(store, auth, intake, options.requestTimeout(), limits.minBodyRate());
    QoSHandler atOnce = new QoSHandler(routes);
    atOnce.setMaxRequestCount(options.threads());
    atOnce.setMaxSuspend(options.requestTimeout());
    atOnce.setRejectStatusCode(503);
    atOnce.excludePath(SyncHandler.HEALTH_PATH);
    ThreadLimitHandler perAddress = new ThreadLimitHandler(atOnce, null, false);
    perAddress.setThreadLimit(limits.requestsPerAddress());
    perAddress.excludePath(SyncHandler.HEALTH_PATH);
    ConnectionGuard guard =
        new ConnectionGuard(
            perAddress,
            scheduler,
            limits.connectionsPerAddress(),
            limits.newConnectionsPerAddress(),
            limits.headerTimeout(),
            limits.idleTimeout());
    connector.addBean(guard);
    server.setHandler(guard);
    server.setErrorHandler(SyncHandler.ERRORS);
    Slf4jRequestLogWriter requestLog = new Slf4jRequestLogWriter();
    requestLog.setLoggerName(REQUEST_LOG);
    // Every answer, Jetty's own refusals included, is logged and counted in the metrics (endpoint
    // from the raw path only: a made-up path never becomes a label).
    server.setRequestLog(
        new RequestLog.Collection(
            new CustomRequestLog(requestLog, REQUEST_LOG_FORMAT),
            (request, response) ->
                metrics.answered(
                    CentralMetrics.Endpoint.of(request.getHttpURI().getPath()),
                    response.getStatus(),
                    NanoTime.since(request.getBeginNanoTime()))));
    server.setStopTimeout(2_000);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      intake.close();
      // Jetty wraps the BindException ("Failed to bind to …"); the CLI names a port in use.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException b) {
          throw b;
        }
      }
      throw e instanceof IOException io
          ? io
          : new IOException("cannot start the central's HTTP server: " + e.getMessage(), e);
    }
    CentralServer started =
        new CentralServer(
            server, connector, guard, pool, intake, unproven, identity, !options.insecureHttp());
    LOG.info(
        "central receiver on {} (store {}, certificate {}, {} request threads, request timeout {}"
            + " s, {})",
        started.uri(),
        store.database().description(),
        identity.certificateFile(),
        options.threads(),
        options.requestTimeout().toSeconds(),
        limits);
    return started;
  }

  private static SslContextFactory.Server tls(CentralIdentity identity) throws IOException {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    try {
      factory.setSslContext(identity.sslContext());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
    factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    factory.setNeedClientAuth(false);
    return factory;
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // Starting failed already; that is the failure to report.
    }
  }

  /** The port bound (the free one picked when 0 was asked). */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * {@code https://localhost:PORT} (or {@code http://…}); for a wildcard bind the local name, for
   * another address that address.
   */
  public URI uri() {
    InetAddress a;
    try {
      a = InetAddress.getByName(connector.getHost());
    } catch (java.net.UnknownHostException e) {
      a = InetAddress.getLoopbackAddress();
    }
    String host =
        a.isAnyLocalAddress() || a.equals(InetAddress.getLoopbackAddress())
            ? "localhost"
            : (a instanceof java.net.Inet6Address
                ? "[" + a.getHostAddress() + "]"
                : a.getHostAddress());
    return URI.create((tls ? "https" : "http") + "://" + host + ":" + port());
  }

  public CentralIdentity identity() {
    return identity;
  }

  /**
   * Threads of the server's pool now (busy or idle) and its maximum; for the hostile-client suite
   * and {@code /metrics}.
   */
  public int threads() {
    return pool.getThreads();
  }

  /** Threads running a task now (request, TLS, parsing), excluding idle and reserved ones. */
  public int busyThreads() {
    return pool.getBusyThreads();
  }

  /** Tasks waiting for a thread now. */
  public int queuedTasks() {
    return pool.getQueueSize();
  }

  /** Requests refused before their sender was proven, since the start (counted, not recorded). */
  public long unprovenRefusals() {
    return unproven.total();
  }

  /** Connections open now. */
  public int connections() {
    return guard.open();
  }

  /** Connections closed at once because their address held its share already. */
  public long refusedPerAddress() {
    return guard.refusedPerAddress();
  }

  /** Connections closed because a request's headers did not arrive in time. */
  public long headersTooSlow() {
    return guard.headersTooSlow();
  }

  /** Stops accepting, lets running requests finish (up to 2 s), stops the threads. */
  @Override
  public void close() {
    URI uri = uri();
    stopQuietly(server);
    intake.close();
    unproven.flush();
    LOG.info("central receiver on {} stopped", uri);
  }
}
