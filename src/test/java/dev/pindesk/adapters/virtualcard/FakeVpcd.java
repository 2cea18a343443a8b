package dev.pindesk.adapters.virtualcard;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * The vpcd side of the protocol for tests: listens on a loopback port, accepts the card, sends
 * control bytes and command APDUs with the 2-byte length framing and reads the answers.
 */
final class FakeVpcd implements AutoCloseable {
  private final ServerSocket server;
  private Socket card;
  private DataInputStream in;
  private DataOutputStream out;

  FakeVpcd() throws IOException {
    this(0);
  }

  FakeVpcd(int port) throws IOException {
    server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    server.setSoTimeout(5000);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Waits for the card to connect (insertion). */
  void acceptCard() throws IOException {
    card = server.accept();
    card.setSoTimeout(2000);
    in = new DataInputStream(card.getInputStream());
    out = new DataOutputStream(card.getOutputStream());
  }

  void sendControl(int code) throws IOException {
    send(new byte[] {(byte) code});
  }

  byte[] atr() throws IOException {
    sendControl(4);
    return receive().orElseThrow();
  }

  /** Sends an APDU and returns the answer. */
  byte[] transmit(byte[] apdu) throws IOException {
    send(apdu);
    return receive().orElseThrow(() -> new IOException("card closed the connection"));
  }

  void send(byte[] payload) throws IOException {
    out.writeShort(payload.length);
    out.write(payload);
    out.flush();
  }

  /** The next message, or empty when the card closed the connection. */
  Optional<byte[]> receive() throws IOException {
    int high = in.read();
    if (high < 0) {
      return Optional.empty();
    }
    int length = high << 8 | in.readUnsignedByte();
    byte[] payload = new byte[length];
    in.readFully(payload);
    return Optional.of(payload);
  }

  /** True when nothing arrives within {@code millis} and the connection stays open. */
  boolean silentFor(int millis) throws IOException {
    card.setSoTimeout(millis);
    try {
      in.read(); // data or end of stream: either way not silent
      return false;
    } catch (SocketTimeoutException e) {
      return true;
    } finally {
      card.setSoTimeout(2000);
    }
  }

  /** Drops the card's connection, as vpcd does when pcscd goes away. */
  void dropCard() throws IOException {
    card.close();
  }

  @Override
  public void close() throws IOException {
    if (card != null) {
      card.close();
    }
    server.close();
  }
}
