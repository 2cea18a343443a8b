package dev.pindesk.domain.codec;

import java.util.Arrays;

/**
 * One simple TLV as the SSC answers READ RECORD: a 1-byte tag, a length (1 byte below 0x80, or
 * {@code 81 xx} / {@code 82 xx xx}) and the value.
 */
public record Tlv(int tag, byte[] value) {

  public Tlv {
    if (tag < 0 || tag > 0xFF) {
      throw new IllegalArgumentException("tag out of range");
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /**
   * Encoded form {@code tag len value}.
   *
   * @throws IllegalArgumentException when the value is longer than the {@code 82 xx xx} length form
   *     can state (65535 bytes)
   */
  public byte[] encode() {
    int n = value.length;
    if (n > 0xFFFF) {
      // The 82 form would silently truncate the length to its low 16 bits.
      throw new IllegalArgumentException("TLV value of " + n + " bytes exceeds 65535");
    }
    byte[] len =
        n < 0x80
            ? new byte[] {(byte) n}
            : n <= 0xFF
                ? new byte[] {(byte) 0x81, (byte) n}
                : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    byte[] out = new byte[1 + len.length + n];
    out[0] = (byte) tag;
    System.arraycopy(len, 0, out, 1, len.length);
    System.arraycopy(value, 0, out, 1 + len.length, n);
    return out;
  }

  /**
   * Parses exactly one TLV that fills {@code data}.
   *
   * @throws IllegalArgumentException when the data is empty, truncated or has trailing bytes
   */
  public static Tlv parse(byte[] data) {
    if (data.length < 2) {
      throw new IllegalArgumentException("TLV too short: " + data.length + " bytes");
    }
    int tag = data[0] & 0xFF;
    int first = data[1] & 0xFF;
    int offset;
    int length;
    if (first < 0x80) {
      length = first;
      offset = 2;
    } else if (first == 0x81 && data.length >= 3) {
      length = data[2] & 0xFF;
      offset = 3;
    } else if (first == 0x82 && data.length >= 4) {
      length = (data[2] & 0xFF) << 8 | (data[3] & 0xFF);
      offset = 4;
    } else {
      throw new IllegalArgumentException(
          "unsupported TLV length form " + Integer.toHexString(first));
    }
    if (offset + length != data.length) {
      throw new IllegalArgumentException(
          "TLV length " + length + " does not match " + (data.length - offset) + " value bytes");
    }
    return new Tlv(tag, Arrays.copyOfRange(data, offset, data.length));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tlv t && t.tag == tag && Arrays.equals(t.value, value);
  }

  @Override
  public int hashCode() {
    return 31 * tag + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return String.format("Tlv[%02X, %d bytes]", tag, value.length);
  }
}
