package dev.pindesk.domain;

import java.util.Arrays;

/**
 * A PIN held as wipeable characters, never as a {@link String}.
 *
 * <p>Owners close it (try-with-resources) as soon as the PIN has been used; {@link #toString()}
 * never reveals digits. A PIN of the SSC is 6 digits; the card layer encodes it as BCD padded with
 * {@code F}.
 */
public final class Pin implements AutoCloseable {
  private final char[] digits;
  private boolean wiped;

  private Pin(char[] digits) {
    this.digits = digits;
  }

  /**
   * Takes a copy of {@code digits}; the caller wipes its own array.
   *
   * @throws IllegalArgumentException when a character is not a decimal digit or the length is not 4
   *     to 12 (the message never contains the digits)
   */
  public static Pin of(char[] digits) {
    if (digits.length < 4 || digits.length > 12) {
      throw new IllegalArgumentException("PIN length must be 4 to 12 digits");
    }
    for (char c : digits) {
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("PIN must contain decimal digits only");
      }
    }
    return new Pin(digits.clone());
  }

  public int length() {
    checkNotWiped();
    return digits.length;
  }

  /** Digit at {@code index} as a value 0..9. */
  public int digitAt(int index) {
    checkNotWiped();
    return digits[index] - '0';
  }

  /** A copy of the digits; the caller must wipe it. */
  public char[] toChars() {
    checkNotWiped();
    return digits.clone();
  }

  /**
   * BCD encoding padded with {@code F} to whole bytes (6 digits become 3 bytes). The caller must
   * wipe the returned array.
   */
  public byte[] toBcd() {
    checkNotWiped();
    byte[] out = new byte[(digits.length + 1) / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digits[2 * i] - '0';
      int lo = 2 * i + 1 < digits.length ? digits[2 * i + 1] - '0' : 0xF;
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  /** Constant-time comparison with another PIN. */
  public boolean sameAs(Pin other) {
    checkNotWiped();
    other.checkNotWiped();
    if (digits.length != other.digits.length) {
      return false;
    }
    int diff = 0;
    for (int i = 0; i < digits.length; i++) {
      diff |= digits[i] ^ other.digits[i];
    }
    return diff == 0;
  }

  public boolean isWiped() {
    return wiped;
  }

  @Override
  public void close() {
    Arrays.fill(digits, '\0');
    wiped = true;
  }

  private void checkNotWiped() {
    if (wiped) {
      throw new IllegalStateException("PIN has been wiped");
    }
  }

  @Override
  public String toString() {
    return "Pin[******]";
  }
}
