package dev.pindesk.adapters.virtualcard;

import java.util.Arrays;
import java.util.Optional;

/**
 * A short command APDU as the virtual card receives it (ISO/IEC 7816-3 cases 1 to 4; extended
 * length is not supported, like on the SSC).
 *
 * @param le expected length byte as sent (0 means 256), or -1 when absent
 */
record CommandApdu(byte[] raw, int cla, int ins, int p1, int p2, byte[] data, int le) {

  /** Parses {@code raw}; empty when the length bytes do not match the APDU length. */
  static Optional<CommandApdu> parse(byte[] raw) {
    int n = raw.length;
    if (n < 4) {
      return Optional.empty();
    }
    int cla = raw[0] & 0xFF;
    int ins = raw[1] & 0xFF;
    int p1 = raw[2] & 0xFF;
    int p2 = raw[3] & 0xFF;
    if (n == 4) {
      return Optional.of(new CommandApdu(raw, cla, ins, p1, p2, new byte[0], -1));
    }
    int p3 = raw[4] & 0xFF;
    if (n == 5) {
      return Optional.of(new CommandApdu(raw, cla, ins, p1, p2, new byte[0], p3));
    }
    if (p3 == 0) {
      return Optional.empty(); // extended length
    }
    byte[] data = Arrays.copyOfRange(raw, 5, Math.min(n, 5 + p3));
    if (n == 5 + p3) {
      return Optional.of(new CommandApdu(raw, cla, ins, p1, p2, data, -1));
    }
    if (n == 6 + p3) {
      return Optional.of(new CommandApdu(raw, cla, ins, p1, p2, data, raw[n - 1] & 0xFF));
    }
    return Optional.empty();
  }

  boolean hasData() {
    return data.length > 0;
  }

  boolean hasLe() {
    return le >= 0;
  }

  /** CLA INS P1 P2 Lc exactly as sent: the header privileged-command MACs cover. */
  byte[] header() {
    return Arrays.copyOf(raw, 5);
  }
}
