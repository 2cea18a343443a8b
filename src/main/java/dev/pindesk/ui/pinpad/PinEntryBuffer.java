package dev.pindesk.ui.pinpad;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;

/** The digits typed so far, as wipeable characters. Not thread-safe: the FX thread owns it. */
final class PinEntryBuffer {
  private final char[] digits;
  private int count;

  PinEntryBuffer(int length) {
    this.digits = new char[length];
  }

  /** Adds a digit; ignored when full. Returns whether it was taken. */
  boolean add(char digit) {
    if (digit < '0' || digit > '9' || count == digits.length) {
      return false;
    }
    digits[count++] = digit;
    return true;
  }

  void removeLast() {
    if (count > 0) {
      digits[--count] = '\0';
    }
  }

  void clear() {
    Secrets.wipe(digits);
    count = 0;
  }

  int count() {
    return count;
  }

  boolean complete() {
    return count == digits.length;
  }

  /** The PIN typed (a copy), then wipes the buffer. */
  Pin take() {
    try {
      return Pin.of(digits);
    } finally {
      clear();
    }
  }
}
