package dev.pindesk.card;

import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;

/**
 * A short command APDU (ISO 7816-4). {@code le} is -1 when no response data is expected, 0..256
 * otherwise (256 is encoded as 00).
 *
 * <p>Commands carrying a PIN are built {@linkplain #sensitive() sensitive}: traces show their data
 * as asterisks, and the owner {@linkplain #wipe() wipes} the data after sending.
 */
public final class CommandApdu {
  private final int cla;
  private final int ins;
  private final int p1;
  private final int p2;
  private final byte[] data;
  private final int le;
  private final boolean sensitive;

  private CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int le, boolean sensitive) {
    if (data.length > 255) {
      throw new IllegalArgumentException("extended length APDUs are not used by the SSC");
    }
    if (le < -1 || le > 256) {
      throw new IllegalArgumentException("Le out of range: " + le);
    }
    this.cla = cla & 0xFF;
    this.ins = ins & 0xFF;
    this.p1 = p1 & 0xFF;
    this.p2 = p2 & 0xFF;
    this.data = data;
    this.le = le;
    this.sensitive = sensitive;
  }

  /** Case 1: header only. */
  public static CommandApdu of(int cla, int ins, int p1, int p2) {
    return new CommandApdu(cla, ins, p1, p2, new byte[0], -1, false);
  }

  /** Case 2: expects {@code le} bytes. */
  public static CommandApdu withLe(int cla, int ins, int p1, int p2, int le) {
    return new CommandApdu(cla, ins, p1, p2, new byte[0], le, false);
  }

  /** Case 3 (le = -1) or case 4. The data array is copied. */
  public static CommandApdu withData(int cla, int ins, int p1, int p2, byte[] data, int le) {
    return new CommandApdu(cla, ins, p1, p2, data.clone(), le, false);
  }

  /**
   * A case-3 command whose data is secret (PIN blocks). Takes ownership of {@code data}: the caller
   * must not wipe it before sending, and must call {@link #wipe()} afterwards.
   */
  public static CommandApdu secret(int cla, int ins, int p1, int p2, byte[] data) {
    return new CommandApdu(cla, ins, p1, p2, data, -1, true);
  }

  /** The same command with another Le (for a {@code 6Cxx} resend). */
  public CommandApdu withLe(int newLe) {
    return new CommandApdu(cla, ins, p1, p2, data, newLe, sensitive);
  }

  public int cla() {
    return cla;
  }

  public int ins() {
    return ins;
  }

  public int p1() {
    return p1;
  }

  public int p2() {
    return p2;
  }

  public int le() {
    return le;
  }

  public boolean sensitive() {
    return sensitive;
  }

  /** Encoded bytes; for a sensitive command the caller must wipe the returned array. */
  public byte[] toBytes() {
    int length = 4 + (data.length > 0 ? 1 + data.length : 0) + (le >= 0 ? 1 : 0);
    byte[] out = new byte[length];
    out[0] = (byte) cla;
    out[1] = (byte) ins;
    out[2] = (byte) p1;
    out[3] = (byte) p2;
    int offset = 4;
    if (data.length > 0) {
      out[offset++] = (byte) data.length;
      System.arraycopy(data, 0, out, offset, data.length);
      offset += data.length;
    }
    if (le >= 0) {
      out[offset] = (byte) (le == 256 ? 0 : le);
    }
    return out;
  }

  /** Header with Lc (5 bytes) as it is authenticated by a MAC over a command of {@code lc}. */
  public static byte[] header(int cla, int ins, int p1, int p2, int lc) {
    return new byte[] {(byte) cla, (byte) ins, (byte) p1, (byte) p2, (byte) lc};
  }

  /** Overwrites the data of a sensitive command. */
  public void wipe() {
    Secrets.wipe(data);
  }

  /** Hex for traces; data of sensitive commands appears as asterisks. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format("%02X %02X %02X %02X", cla, ins, p1, p2));
    if (data.length > 0) {
      sb.append(String.format(" %02X ", data.length));
      sb.append(sensitive ? "*".repeat(data.length * 2) : Hex.of(data));
    }
    if (le >= 0) {
      sb.append(String.format(" %02X", le == 256 ? 0 : le));
    }
    return sb.toString();
  }
}
