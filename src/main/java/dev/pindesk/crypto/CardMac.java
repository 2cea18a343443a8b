package dev.pindesk.crypto;

import dev.pindesk.domain.CipherAlgorithm;

/**
 * The 4-byte MAC of privileged SSC commands (ISO/IEC 9797-1, padding method 2).
 *
 * <p>STUB — replaced by the crypto work package.
 */
public final class CardMac {
  private CardMac() {}

  /**
   * MAC over {@code data} with {@code key}; TDES uses MAC algorithm 3 (retail MAC, 16-byte key),
   * SM4 MAC algorithm 1 (CBC-MAC, 16-byte key). {@code iv} (the card challenge, 8 bytes) is
   * left-aligned and zero-filled to the block size. Returns the first 4 bytes.
   */
  public static byte[] compute(CipherAlgorithm algorithm, byte[] key, byte[] iv, byte[] data) {
    throw new UnsupportedOperationException("stub");
  }
}
