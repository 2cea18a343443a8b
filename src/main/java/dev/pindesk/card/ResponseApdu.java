package dev.pindesk.card;

import dev.pindesk.domain.codec.Hex;
import java.util.Arrays;

/** A response APDU: data and the status word. */
public record ResponseApdu(byte[] data, int sw) {

  public ResponseApdu {
    data = data.clone();
    if (sw < 0 || sw > 0xFFFF) {
      throw new IllegalArgumentException("status word out of range");
    }
  }

  /**
   * Splits a raw answer into data and status word.
   *
   * @throws IllegalArgumentException when the answer is shorter than two bytes
   */
  public static ResponseApdu parse(byte[] raw) {
    if (raw.length < 2) {
      throw new IllegalArgumentException("response of " + raw.length + " bytes has no status word");
    }
    int sw = (raw[raw.length - 2] & 0xFF) << 8 | (raw[raw.length - 1] & 0xFF);
    return new ResponseApdu(Arrays.copyOf(raw, raw.length - 2), sw);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseApdu r && r.sw == sw && Arrays.equals(r.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * sw + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return (data.length > 0 ? Hex.of(data) + " " : "") + String.format("%04X", sw);
  }
}
