package dev.pindesk.testing.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A TCP proxy on loopback that breaks connections on purpose, for the sync fault tests: it sits
 * between a real client and a real server (TLS passes through untouched, so faults are at the byte
 * level: drops, cuts mid-request and mid-response, delays, black holes). Each accepted connection
 * gets the next {@link Fault} from a plan (usually a seeded random one, so a failing run can be
 * replayed). The target can be moved while running (a restarted server on a new port), and the
 * proxy can refuse all connections for a while ("link down").
 */
public final class FaultProxy implements AutoCloseable {
  private final ServerSocket server;
  private final Supplier<Fault> plan;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Map<Fault.Kind, AtomicInteger> counts = new EnumMap<>(Fault.Kind.class);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile InetSocketAddress target;
  private volatile boolean linkDown;

  public FaultProxy(int targetPort, Supplier<Fault> plan) throws IOException {
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.plan = plan;
    this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    for (Fault.Kind k : Fault.Kind.values()) {
      counts.put(k, new AtomicInteger());
    }
    this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port clients connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** Points new connections at another server port (existing ones are cut). */
  public void retarget(int targetPort) {
    target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    cutAll();
  }

  /** While down, every connection is accepted and closed at once, and open ones are cut. */
  public void linkDown(boolean down) {
    linkDown = down;
    if (down) {
      cutAll();
    }
  }

  /** How many connections got each kind of fault so far. */
  public int count(Fault.Kind kind) {
    return counts.get(kind).get();
  }

  /** All connections handled so far. */
  public int connections() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Closes every connection in flight. */
  public void cutAll() {
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  private void acceptLoop() {
    while (!closed.get()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      Fault fault = linkDown ? Fault.drop() : plan.get();
      counts.get(fault.kind()).incrementAndGet();
      Thread t = new Thread(() -> handle(client, fault), "fault-proxy-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void handle(Socket client, Fault fault) {
    open.add(client);
    Socket upstream = null;
    try {
      client.setTcpNoDelay(true);
      switch (fault.kind()) {
        case DROP:
          client.setSoLinger(true, 0);
          return;
        case BLACKHOLE:
          drain(client.getInputStream());
          return;
        default:
          break;
      }
      upstream = new Socket();
      open.add(upstream);
      upstream.setTcpNoDelay(true);
      upstream.connect(target, 2000);
      if (fault.kind() == Fault.Kind.SERVER_ERROR) {
        answerWithServerError(client, upstream);
        return;
      }
      if (fault.kind() == Fault.Kind.DUPLICATE) {
        passThenDuplicate(client, upstream);
        return;
      }
      long requestLimit = fault.kind() == Fault.Kind.CUT_REQUEST ? fault.bytes() : Long.MAX_VALUE;
      boolean cutsResponse =
          fault.kind() == Fault.Kind.CUT_RESPONSE
              || (fault.kind() == Fault.Kind.DELAY && fault.bytes() > 0);
      long responseLimit = cutsResponse ? fault.bytes() : Long.MAX_VALUE;
      long delay = fault.kind() == Fault.Kind.DELAY ? fault.delayMillis() : 0;
      Socket up = upstream;
      Thread back =
          new Thread(
              () -> pump(up, client, responseLimit, delay, up, client), "fault-proxy-response");
      back.setDaemon(true);
      back.start();
      pump(client, upstream, requestLimit, delay, upstream, client);
      back.join();
    } catch (IOException e) {
      // the client or server went away: that is what this proxy is for
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
      open.remove(client);
      if (upstream != null) {
        open.remove(upstream);
      }
    }
  }

  /**
   * Copies {@code from} to {@code to}; after {@code limit} bytes, closes both sockets (the cut). At
   * the end of the stream, half-closes {@code to}'s output so the other side sees EOF.
   */
  private static void pump(Socket from, Socket to, long limit, long delay, Socket a, Socket b) {
    byte[] buffer = new byte[16 * 1024];
    long passed = 0;
    boolean first = true;
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (first && delay > 0) {
          Thread.sleep(delay);
        }
        first = false;
        int allowed = (int) Math.min(n, limit - passed);
        if (allowed > 0) {
          out.write(buffer, 0, allowed);
          out.flush();
          passed += allowed;
        }
        if (passed >= limit) {
          a.setSoLinger(true, 0);
          b.setSoLinger(true, 0);
          closeQuietly(a);
          closeQuietly(b);
          return;
        }
      }
      to.shutdownOutput();
    } catch (SocketException e) {
      // cut, reset or closed by the other pump
    } catch (IOException e) {
      closeQuietly(a);
      closeQuietly(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Forwards the request; once the server starts answering (so it has the whole request), sends the
   * client a 500 instead and closes.
   */
  private void answerWithServerError(Socket client, Socket upstream) throws IOException {
    Thread forward =
        new Thread(
            () -> pump(client, upstream, Long.MAX_VALUE, 0, upstream, client), "fault-proxy-500");
    forward.setDaemon(true);
    forward.start();
    InputStream fromServer = upstream.getInputStream();
    if (fromServer.read() >= 0) {
      client
          .getOutputStream()
          .write(
              ("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      client.getOutputStream().flush();
    }
  }

  /**
   * Reads one HTTP request from the client, forwards it, and at the same time delivers a copy on a
   * second connection (a racing duplicate whose answer is thrown away); then passes the rest of the
   * connection as it is.
   */
  private void passThenDuplicate(Socket client, Socket upstream)
      throws IOException, InterruptedException {
    byte[] request = HttpRequests.readOne(client.getInputStream());
    if (request.length == 0) {
      return;
    }
    upstream.getOutputStream().write(request);
    upstream.getOutputStream().flush();
    InetSocketAddress to = target;
    Thread copy =
        new Thread(
            () -> {
              try (Socket again = new Socket()) {
                again.connect(to, 2000);
                again.setSoTimeout(5000);
                again.getOutputStream().write(request);
                again.shutdownOutput();
                again.getInputStream().readAllBytes();
              } catch (IOException e) {
                // the duplicate's fate does not matter to the client
              }
            },
            "fault-proxy-duplicate");
    copy.setDaemon(true);
    copy.start();
    Thread back =
        new Thread(
            () -> pump(upstream, client, Long.MAX_VALUE, 0, upstream, client),
            "fault-proxy-response");
    back.setDaemon(true);
    back.start();
    pump(client, upstream, Long.MAX_VALUE, 0, upstream, client);
    back.join();
    copy.join(5000);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[4096];
    while (in.read(buffer) >= 0) {
      // swallow: nothing is ever answered
    }
  }

  private static void closeQuietly(Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing a broken socket
      }
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(server);
      cutAll();
    }
  }

  private static void closeQuietly(ServerSocket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // shutting down
    }
  }
}
