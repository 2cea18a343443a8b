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
   */
  public record Options(
      InetAddress bind, int port, boolean insecureHttp, int threads, Clock clock) {
    public Options {
      if (port < 0 || port > 65535 || threads < 1) {
        throw new IllegalArgumentException("port 0..65535 and at least one thread");
      }
      if (insecureHttp && !bind.isLoopbackAddress()) {
        throw new IllegalArgumentException(
            "plain HTTP is served only on a loopback address, not " + bind.getHostAddress());
      }
    }

    /** HTTPS on 127.0.0.1 with the system clock and 8 threads. */
    public static Options loopback(int port) {
      return new Options(InetAddress.getLoopbackAddress(), port, false, 8, Clock.systemUTC());
    }

    public Options withInsecureHttp() {
      return new Options(bind, port, true, threads, clock);
    }

    public Options withClock(Clock c) {
      return new Options(bind, port, insecureHttp, threads, c);
    }
  }

  private static final String NODELAY = "sun.net.httpserver.nodelay";

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
   * @throws IOException when the address cannot be bound
   */
  public static CentralServer start(CentralStore store, CentralIdentity identity, Options options)
      throws IOException {
    // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle
    // holds the body until the client's delayed ACK (~40 ms on Linux) — per batch. Read once, when
    // the server classes initialise, so it is set before the first server is created.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
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
    RequestAuthenticator auth = new RequestAuthenticator(store, options.clock());
    BatchIntake intake = new BatchIntake(store, identity.privateKey(), options.clock());
    server.createContext("/", new SyncHandler(store, auth, intake, options.clock()));
    server.setExecutor(executor);
    server.start();
    CentralServer started =
        new CentralServer(server, executor, intake, identity, !options.insecureHttp());
    LOG.info(
        "central receiver on {} (store {}, certificate {})",
        started.uri(),
        store.database().description(),
        identity.certificateFile());
    return started;
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
