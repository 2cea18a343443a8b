package dev.pindesk.adapters.central;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * What Jetty does not bound by itself (ADR 0031): the connections one address may hold at once, and
 * the time a request's headers may take. Jetty's idle timeout restarts with every byte, so a client
 * sending one header byte every few seconds would otherwise hold its connection for ever.
 *
 * <p>A listener on the connector's HTTP connections (one per TCP connection: HTTP/1.1 only) and a
 * handler in front of the routes, which sees each request once its headers are in. A connection
 * that has not delivered a request's headers within the header timeout of opening, or within the
 * idle timeout of its previous answer, is closed.
 */
final class ConnectionGuard extends Handler.Wrapper implements Connection.Listener {
  private final Scheduler scheduler;
  private final int perAddress;
  private final long headerMillis;
  private final long idleMillis;
  private final double ratePerSecond;
  private final Map<InetAddress, Peer> peers = new ConcurrentHashMap<>();
  private final Map<Connection, Watch> watched = new ConcurrentHashMap<>();
  private final LongAdder refusedPerAddress = new LongAdder();
  private final LongAdder headersTooSlow = new LongAdder();

  /**
   * One remote address: its open connections and a token bucket of new ones (burst and refill of
   * {@code ratePerSecond}). Forgotten once it holds no connection and its bucket is full again.
   */
  private static final class Peer {
    int open;
    double tokens;
    long lastNanos;

    Peer(double burst, long now) {
      tokens = burst;
      lastNanos = now;
    }

    void refill(double rate, long now) {
      tokens = Math.min(rate, tokens + rate * (now - lastNanos) / 1e9);
      lastNanos = now;
    }
  }

  /** Requests begun on one connection; the deadline checks compare it with what they saw. */
  private static final class Watch {
    final InetAddress address;
    final AtomicLong requests = new AtomicLong();
    volatile boolean busy;

    Watch(InetAddress address) {
      this.address = address;
    }
  }

  ConnectionGuard(
      Handler routes,
      Scheduler scheduler,
      int perAddress,
      double newPerSecondPerAddress,
      Duration headerTimeout,
      Duration idleTimeout) {
    super(routes);
    this.scheduler = scheduler;
    this.perAddress = perAddress;
    this.ratePerSecond = newPerSecondPerAddress;
    this.headerMillis = headerTimeout.toMillis();
    this.idleMillis = idleTimeout.toMillis();
  }

  @Override
  public void onOpened(Connection connection) {
    // The TLS connection beneath an HTTP connection is no ConnectionMetaData: count each once.
    if (!(connection instanceof ConnectionMetaData)) {
      return;
    }
    InetAddress address = address(connection.getEndPoint().getRemoteSocketAddress());
    if (address == null) {
      return;
    }
    long now = System.nanoTime();
    boolean[] refused = new boolean[1];
    peers.compute(
        address,
        (a, p) -> {
          Peer peer = p != null ? p : new Peer(ratePerSecond, now);
          peer.refill(ratePerSecond, now);
          peer.open++;
          if (peer.open > perAddress || peer.tokens < 1) {
            refused[0] = true;
          } else {
            peer.tokens -= 1;
          }
          return peer;
        });
    Watch watch = new Watch(address);
    watched.put(connection, watch);
    if (refused[0]) {
      // Closed before its TLS handshake: a refused connection costs the central no CPU.
      refusedPerAddress.increment();
      connection.getEndPoint().close();
      return;
    }
    expectRequest(connection, watch, 0, headerMillis);
  }

  @Override
  public void onClosed(Connection connection) {
    Watch watch = watched.remove(connection);
    if (watch != null) {
      long now = System.nanoTime();
      peers.computeIfPresent(
          watch.address,
          (a, peer) -> {
            peer.open--;
            peer.refill(ratePerSecond, now);
            return peer.open <= 0 && peer.tokens >= ratePerSecond ? null : peer;
          });
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Connection connection = request.getConnectionMetaData().getConnection();
    Watch watch = watched.get(connection);
    if (watch == null) {
      return super.handle(request, response, callback);
    }
    long n = watch.requests.incrementAndGet();
    watch.busy = true;
    Callback done =
        Callback.from(
            callback,
            () -> {
              watch.busy = false;
              expectRequest(connection, watch, n, idleMillis);
            });
    try {
      if (super.handle(request, response, done)) {
        return true;
      }
    } catch (Exception | Error e) {
      watch.busy = false;
      throw e;
    }
    watch.busy = false;
    return false;
  }

  /** Closes the connection unless a request after the {@code seen}th has begun within the time. */
  private void expectRequest(Connection connection, Watch watch, long seen, long millis) {
    scheduler.schedule(
        () -> {
          if (!watch.busy && watch.requests.get() == seen && watched.containsKey(connection)) {
            headersTooSlow.increment();
            connection.getEndPoint().close();
          }
        },
        millis,
        TimeUnit.MILLISECONDS);
  }

  /** Connections closed at once because their address held, or had opened, its share. */
  long refusedPerAddress() {
    return refusedPerAddress.sum();
  }

  /** Connections closed because no request's headers arrived in time. */
  long headersTooSlow() {
    return headersTooSlow.sum();
  }

  /** Connections open now, as counted here. */
  int open() {
    return watched.size();
  }

  private static InetAddress address(SocketAddress a) {
    return a instanceof InetSocketAddress i ? i.getAddress() : null;
  }
}
