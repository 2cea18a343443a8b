package dev.pindesk.adapters.central;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference central receiver: the JDK's HTTPS server (ADR 0007) with a bounded pool of request
 * threads in front of {@link SyncHandler}. HTTPS with the {@link CentralIdentity} certificate;
 * plain HTTP only when asked, and then only on a loopback address.
 *
 * <p>In a test: {@code CentralServer.start(store, identity, Options.loopback(0))}, then {@link
 * #uri()} ({@code https://localhost:PORT}) and {@code identity.certificateFile()} to pin.
 */
public final class CentralServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);

  /**
   * Where and how to listen.
   *
   * @param bind the local address (wildcard for all interfaces)
   * @param port 0 for any free port
   * @param insecureHttp plain HTTP (development only; loopback only)
   * @param threads request threads; more requests wait in a bounded queue
   * @param requestTimeout how long a request may take to arrive in full, and then its answer to be
   *     made and taken, before its connection is closed (see {@link #start})
   */
  public record Options(
      InetAddress bind,
      int port,
      boolean insecureHttp,
      int threads,
      Clock clock,
      Duration requestTimeout) {
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

    /** With the {@link #DEFAULT_REQUEST_TIMEOUT}. */
    public Options(InetAddress bind, int port, boolean insecureHttp, int threads, Clock clock) {
      this(bind, port, insecureHttp, threads, clock, DEFAULT_REQUEST_TIMEOUT);
    }

    /** HTTPS on 127.0.0.1 with the system clock and 8 threads. */
    public static Options loopback(int port) {
      return new Options(InetAddress.getLoopbackAddress(), port, false, 8, Clock.systemUTC());
    }

    public Options withInsecureHttp() {
      return new Options(bind, port, true, threads, clock, requestTimeout);
    }

    public Options withClock(Clock c) {
      return new Options(bind, port, insecureHttp, threads, c, requestTimeout);
    }
  }

  /**
   * Twice the workstation's own request timeout ({@code HttpCentralLink}, 60 s): a workstation has
   * given up on a request long before the central drops it, and a 4 MiB batch (the workstation's
   * largest) still arrives in time over a link of about 300 kbit/s.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private static final String NODELAY = "sun.net.httpserver.nodelay";
  private static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";
  private static final String MAX_ANSWER_SECONDS = "sun.net.httpserver.maxRspTime";

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final BatchIntake intake;
  private final CentralIdentity identity;
  private final boolean tls;

  private CentralServer(
      HttpServer server,
      ThreadPoolExecutor executor,
      BatchIntake intake,
      CentralIdentity identity,
      boolean tls) {
    this.server = server;
    this.executor = executor;
    this.intake = intake;
    this.identity = identity;
    this.tls = tls;
  }

  /**
   * Starts serving {@code store}; receipts are signed with {@code identity}'s key.
   *
   * <p>The JDK server reads its settings once per JVM, when its classes load: the request timeout
   * of the first server started in a JVM is the one every later server in it has, and a {@code
   * -Dsun.net.httpserver.maxReqTime}/{@code maxRspTime} (seconds) given to the JVM wins. {@code
   * central serve} starts one server per process, so its {@code --request-timeout} holds.
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
    // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle
    // holds the body until the client's delayed ACK (~40 ms on Linux) — per batch.
    defaultProperty(NODELAY, "true");
    // Without these the JDK server waits forever: a workstation whose link dies mid-upload (no FIN,
    // no RST: a half-open connection) would hold a request thread until the central restarts, and
    // a few such drops would stop the central answering anyone. With them its timer closes a
    // connection whose request has not arrived in full, or whose answer has not been taken, in
    // time.
    String seconds = String.valueOf(options.requestTimeout().toSeconds());
    defaultProperty(MAX_REQUEST_SECONDS, seconds);
    defaultProperty(MAX_ANSWER_SECONDS, seconds);
    InetSocketAddress address = new InetSocketAddress(options.bind(), options.port());
    HttpServer server;
    if (options.insecureHttp()) {
      server = HttpServer.create(address, 64);
    } else {
      HttpsServer https = HttpsServer.create(address, 64);
      https.setHttpsConfigurator(configurator(identity));
      server = https;
    }
    ThreadPoolExecutor executor = executor(options.threads());
    RequestAuthenticator auth = new RequestAuthenticator(store, options.clock(), metrics);
    BatchIntake intake = new BatchIntake(store, identity.privateKey(), options.clock(), metrics);
    SyncHandler handler = new SyncHandler(store, auth, intake, options.clock(), metrics);
    server.createContext("/", new TimedHandler(handler, metrics));
    server.setExecutor(executor);
    server.start();
    CentralServer started =
        new CentralServer(server, executor, intake, identity, !options.insecureHttp());
    LOG.info(
        "central receiver on {} (store {}, certificate {}, request timeout {} s)",
        started.uri(),
        store.database().description(),
        identity.certificateFile(),
        System.getProperty(MAX_REQUEST_SECONDS));
    return started;
  }

  private static void defaultProperty(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  private static HttpsConfigurator configurator(CentralIdentity identity) throws IOException {
    SSLContext context;
    try {
      context = identity.sslContext();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = getSSLContext().getDefaultSSLParameters();
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        p.setNeedClientAuth(false);
        params.setSSLParameters(p);
      }
    };
  }

  /**
   * A fixed pool with a bounded queue; when both are full the dispatcher thread runs the request
   * itself, which stops it accepting more: back pressure instead of unbounded memory.
   */
  private static ThreadPoolExecutor executor(int threads) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads * 16),
        r -> {
          Thread t = new Thread(r, "central-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** The port bound (the free one picked when 0 was asked). */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * {@code https://localhost:PORT} (or {@code http://…}); for a wildcard bind the local name, for
   * another address that address.
   */
  public URI uri() {
    InetAddress a = server.getAddress().getAddress();
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

  /** Stops accepting, lets running requests finish (up to 2 s), stops the threads. */
  @Override
  public void close() {
    server.stop(2);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    intake.close();
    LOG.info("central receiver on {} stopped", uri());
  }
}
