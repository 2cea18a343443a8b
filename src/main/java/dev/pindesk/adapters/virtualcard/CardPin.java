package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.Secrets;
import java.security.MessageDigest;

/**
 * The PIN inside a virtual card: a 6-digit BCD block, the retry counter and the PIN / application
 * state. Not thread-safe; the card serialises access.
 */
final class CardPin {
  static final int BLOCK_LENGTH = 3;

  private final byte[] block = new byte[BLOCK_LENGTH];
  private final int maxTries;
  private int triesLeft;
  private PinState state;

  CardPin(PinSpec spec) {
    char[] digits = spec.initial();
    try {
      encode(digits, block);
    } finally {
      Secrets.wipe(digits);
    }
    this.maxTries = spec.maxTries();
    this.triesLeft = spec.triesLeft();
    this.state = spec.state();
  }

  /** True for exactly 3 bytes of BCD digits (6 digits, no padding). */
  static boolean isValidBlock(byte[] candidate) {
    if (candidate.length != BLOCK_LENGTH) {
      return false;
    }
    for (byte b : candidate) {
      if ((b & 0xF0) > 0x90 || (b & 0x0F) > 0x09) {
        return false;
      }
    }
    return true;
  }

  PinState state() {
    return state;
  }

  int triesLeft() {
    return triesLeft;
  }

  int maxTries() {
    return maxTries;
  }

  /** Compares a valid block; a mismatch costs a try. Returns the answer to give. */
  Answer check(byte[] candidate) {
    if (MessageDigest.isEqual(block, candidate)) {
      triesLeft = maxTries;
      return Answer.status(Answer.OK);
    }
    return countWrongTry();
  }

  /** Costs one try; the last one blocks the PIN. */
  Answer countWrongTry() {
    triesLeft = Math.max(0, triesLeft - 1);
    if (triesLeft == 0) {
      state = PinState.PIN_BLOCKED;
    }
    return Answer.triesLeft(triesLeft);
  }

  /** Unblock: all tries restored, the PIN itself unchanged. */
  void restoreTries() {
    triesLeft = maxTries;
    state = PinState.ACTIVE;
  }

  /**
   * Stores a new PIN (valid block) and restores all tries; {@code unblock} also clears a blocked
   * PIN.
   */
  void replace(byte[] newBlock, boolean unblock) {
    System.arraycopy(newBlock, 0, block, 0, BLOCK_LENGTH);
    triesLeft = maxTries;
    if (unblock) {
      state = PinState.ACTIVE;
    }
  }

  boolean matches(char[] digits) {
    if (digits.length != 6) {
      return false;
    }
    byte[] candidate = new byte[BLOCK_LENGTH];
    try {
      encode(digits, candidate);
      return MessageDigest.isEqual(block, candidate);
    } catch (IllegalArgumentException e) {
      return false;
    } finally {
      Secrets.wipe(candidate);
    }
  }

  private static void encode(char[] digits, byte[] out) {
    for (int i = 0; i < out.length; i++) {
      int hi = digits[2 * i] - '0';
      int lo = digits[2 * i + 1] - '0';
      if (hi < 0 || hi > 9 || lo < 0 || lo > 9) {
        throw new IllegalArgumentException("PIN must contain digits only");
      }
      out[i] = (byte) (hi << 4 | lo);
    }
  }
}
