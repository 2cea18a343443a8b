package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.codec.Hex;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link VirtualSscCard} (or any {@link VirtualCard}, e.g. a {@link VirtualPsam}) into the
 * "Virtual PCD" reader of vsmartcard's vpcd driver, so the real pcscd — and every PC/SC program —
 * sees it as a card in a reader.
 *
 * <p>Protocol: the card is the TCP client of vpcd; each message both ways is a 2-byte big-endian
 * length and a payload. A 1-byte payload from vpcd is control (0 power off, 1 power on, 2 reset —
 * none answered; 4 get ATR — answered with the ATR); longer payloads are command APDUs, answered
 * with the response APDU. Connected means inserted; closing the socket removes the card.
 *
 * <p>Logs connection events; never APDU data (PIN blocks travel in VERIFY / CHANGE / RESET /
 * UNBLOCK), only headers and status words at debug level.
 *
 * <pre>{@code
 * try (VpcdClient vpcd = new VpcdClient(VirtualSscCard.fromSpec(VirtualCardSpecs.load(file)))) {
 *   vpcd.start();
 *   vpcd.awaitRemoval();
 * }
 * }</pre>
 */
public final class VpcdClient implements AutoCloseable {
  public static final String DEFAULT_HOST = "localhost";

  /** vpcd's first reader ("Virtual PCD 00 00"); the second listens on 35964. */
  public static final int DEFAULT_PORT = 35963;

  private static final Duration RETRY_INTERVAL = Duration.ofMillis(200);
  private static final Logger LOG = LoggerFactory.getLogger(VpcdClient.class);

  private static final int POWER_OFF = 0;
  private static final int POWER_ON = 1;
  private static final int RESET = 2;
  private static final int GET_ATR = 4;

  private final VirtualCard card;
  private final InetSocketAddress address;
  private final Duration connectTimeout;
  private final CountDownLatch removed = new CountDownLatch(1);
  private volatile Socket socket;
  private volatile boolean closing;
  private Thread loop;

  /**
   * @param connectTimeout how long {@link #start()} keeps retrying while vpcd is not listening yet
   */
  public VpcdClient(VirtualCard card, String host, int port, Duration connectTimeout) {
    this.card = Objects.requireNonNull(card);
    this.address = InetSocketAddress.createUnresolved(Objects.requireNonNull(host), port);
    this.connectTimeout = Objects.requireNonNull(connectTimeout);
  }

  /**
   * Connects to vpcd (retrying every 200 ms until the connect timeout) and starts answering on a
   * daemon thread: from now on the card is in the reader.
   *
   * @throws IOException when vpcd does not accept the connection in time
   * @throws IllegalStateException when started twice
   */
  public synchronized void start() throws IOException {
    if (loop != null) {
      throw new IllegalStateException("already started");
    }
    Socket s = connectWithRetry();
    socket = s;
    card.reset(); // a newly inserted card is powered up from scratch
    LOG.info("Virtual card inserted into vpcd reader at {}", describe());
    loop = new Thread(() -> serve(s), "vpcd-card-" + address.getPort());
    loop.setDaemon(true);
    loop.start();
  }

  /** True while the card is in the reader (connected and not removed). */
  public boolean isInserted() {
    return socket != null && removed.getCount() > 0;
  }

  /** Blocks until the card leaves the reader: {@link #close()}, vpcd gone, or a removal fault. */
  public void awaitRemoval() throws InterruptedException {
    removed.await();
  }

  /** Like {@link #awaitRemoval()}, giving up after {@code timeout}; true when removed. */
  public boolean awaitRemoval(Duration timeout) throws InterruptedException {
    return removed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Removes the card from the reader (closes the connection). Idempotent. */
  @Override
  public void close() {
    closing = true;
    closeSocket();
    Thread t;
    synchronized (this) {
      t = loop;
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    removed.countDown();
  }

  private Socket connectWithRetry() throws IOException {
    long deadline = System.nanoTime() + connectTimeout.toNanos();
    while (true) {
      Socket s = new Socket();
      try {
        InetSocketAddress resolved =
            new InetSocketAddress(address.getHostString(), address.getPort());
        s.connect(resolved, (int) Math.max(1, RETRY_INTERVAL.toMillis()));
        s.setTcpNoDelay(true);
        return s;
      } catch (ConnectException e) {
        s.close();
        if (System.nanoTime() >= deadline) {
          throw new IOException(
              "vpcd is not listening at " + describe() + " (waited " + connectTimeout + ")", e);
        }
        LOG.debug("vpcd not listening yet at {}, retrying", describe());
        sleep(RETRY_INTERVAL);
      }
    }
  }

  private void serve(Socket s) {
    try {
      DataInputStream in = new DataInputStream(s.getInputStream());
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      boolean inReader = true;
      while (inReader && !closing) {
        quickAck(s);
        byte[] payload = readMessage(in);
        inReader = payload.length == 1 ? control(payload[0] & 0xFF, out) : apdu(payload, out);
      }
    } catch (EOFException e) {
      LOG.info("vpcd closed the connection at {}", describe());
    } catch (IOException e) {
      if (!closing) {
        LOG.warn("Connection to vpcd at {} lost: {}", describe(), e.toString());
      }
    } finally {
      closeSocket();
      removed.countDown();
      LOG.info("Virtual card removed from vpcd reader at {}", describe());
    }
  }

  /** Handles a control message; returns whether the card stays in the reader. */
  private boolean control(int code, DataOutputStream out) throws IOException {
    switch (code) {
      case POWER_OFF, POWER_ON, RESET -> {
        LOG.debug("vpcd control {}", code);
        card.reset();
      }
      case GET_ATR -> writeMessage(out, card.atr());
      default -> LOG.debug("ignoring unknown vpcd control {}", code);
    }
    return true;
  }

  /** Answers a command APDU; returns whether the card stays in the reader. */
  private boolean apdu(byte[] command, DataOutputStream out) throws IOException {
    if (command.length == 0) {
      return true;
    }
    String header = Hex.of(command, 0, Math.min(4, command.length));
    try {
      byte[] response = card.process(command);
      LOG.debug("APDU {} -> {}", header, statusOf(response));
      writeMessage(out, response);
      if (card.hasLeft()) {
        LOG.info("Virtual card leaves the reader (fault after {} APDUs)", card.apduCount());
        return false;
      }
      return true;
    } catch (VirtualCardFault.Removed e) {
      LOG.info("Virtual card has left the reader");
      return false;
    } catch (VirtualCardFault.Mute e) {
      LOG.debug("APDU {} -> no answer (card mute)", header);
      return true;
    } finally {
      Arrays.fill(command, (byte) 0); // may hold a PIN block
    }
  }

  private static String statusOf(byte[] response) {
    return response.length >= 2
        ? Hex.of(response, response.length - 2, response.length)
        : response.length + "-byte garbage";
  }

  private static byte[] readMessage(DataInputStream in) throws IOException {
    int length = in.readUnsignedShort();
    byte[] payload = new byte[length];
    in.readFully(payload);
    return payload;
  }

  /** One write per message, so the frame leaves in one segment. */
  private static void writeMessage(DataOutputStream out, byte[] payload) throws IOException {
    byte[] frame = new byte[payload.length + 2];
    frame[0] = (byte) (payload.length >> 8);
    frame[1] = (byte) payload.length;
    System.arraycopy(payload, 0, frame, 2, payload.length);
    out.write(frame);
    out.flush();
    Arrays.fill(frame, (byte) 0);
  }

  /**
   * vpcd sends the length and the payload of a frame in two writes without TCP_NODELAY, so with
   * delayed ACKs every APDU would wait ~40 ms; acknowledging at once keeps an APDU at ~1 ms. Linux
   * only; elsewhere a no-op.
   */
  private static void quickAck(Socket s) {
    try {
      if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)) {
        s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.trace("TCP_QUICKACK not available: {}", e.toString());
    }
  }

  private void closeSocket() {
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.debug("closing vpcd socket: {}", e.toString());
      }
    }
  }

  private String describe() {
    return address.getHostString() + ":" + address.getPort();
  }

  private static void sleep(Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for vpcd", e);
    }
  }
}
