package dev.pindesk.crypto;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Secrets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.CBCBlockCipherMac;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.paddings.ISO7816d4Padding;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The 4-byte MAC of privileged SSC commands (PIN reload, PIN unblock), as the card checks it.
 *
 * <ul>
 *   <li>{@link CipherAlgorithm#TDES}: ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC", ANSI X9.19):
 *       single-DES CBC with K1 over all blocks, then the last CBC output is decrypted with K2 and
 *       encrypted with K1. Key = K1 || K2 (16 bytes).
 *   <li>{@link CipherAlgorithm#SM4}: ISO/IEC 9797-1 MAC algorithm 1 (plain CBC-MAC) with SM4,
 *       16-byte key.
 * </ul>
 *
 * <p>Both use padding method 2 (one {@code 80} byte then {@code 00}s up to the block size), which
 * is <em>always</em> added: input of an exact block multiple gets a whole extra padding block. The
 * initial vector is the card's GET CHALLENGE answer (8 bytes), left-aligned and zero-filled to the
 * block size; an IV of the full block size is taken as is. The MAC is the leftmost 4 bytes.
 *
 * <p>The crypto is BouncyCastle's ({@link ISO9797Alg3Mac}, {@link CBCBlockCipherMac}); this class
 * only fixes the parameters. Our copy of the key is wiped after use; key schedules inside
 * BouncyCastle objects are left to the garbage collector (Java offers no better).
 */
public final class CardMac {
  /** Length of the MAC appended to a command. */
  public static final int MAC_LENGTH = 4;

  /** Length of every MAC key (two-key TDES, SM4). */
  public static final int KEY_LENGTH = 16;

  /** Length of a GET CHALLENGE answer. */
  public static final int CHALLENGE_LENGTH = 8;

  private CardMac() {}

  /**
   * MAC over {@code data} with {@code key}; TDES uses MAC algorithm 3 (retail MAC, 16-byte key),
   * SM4 MAC algorithm 1 (CBC-MAC, 16-byte key). {@code iv} (the card challenge, 8 bytes) is
   * left-aligned and zero-filled to the block size. Returns the first 4 bytes.
   *
   * @throws IllegalArgumentException when the key is not 16 bytes or the IV is neither 8 bytes nor
   *     the block size (messages name lengths only, never content)
   */
  public static byte[] compute(CipherAlgorithm algorithm, byte[] key, byte[] iv, byte[] data) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(iv, "iv");
    Objects.requireNonNull(data, "data");
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "MAC key must be " + KEY_LENGTH + " bytes, got " + key.length);
    }
    byte[] blockIv = toBlockIv(algorithm, iv);
    Mac mac = newMac(algorithm);
    // KeyParameter copies the key: that copy is ours to wipe.
    KeyParameter keyParameter = new KeyParameter(key);
    try {
      mac.init(new ParametersWithIV(keyParameter, blockIv));
      mac.update(data, 0, data.length);
      byte[] out = new byte[MAC_LENGTH];
      mac.doFinal(out, 0);
      return out;
    } finally {
      // reset() zeroes the buffered data block, which may hold a PIN block.
      mac.reset();
      Secrets.wipe(keyParameter.getKey());
    }
  }

  /**
   * BouncyCastle's CBC mode rejects an IV shorter than the block, so the 8-byte challenge is
   * zero-filled here (relevant for SM4's 16-byte blocks).
   */
  private static byte[] toBlockIv(CipherAlgorithm algorithm, byte[] iv) {
    int blockSize = algorithm.blockSize();
    if (iv.length != CHALLENGE_LENGTH && iv.length != blockSize) {
      throw new IllegalArgumentException(
          "MAC initial vector must be "
              + CHALLENGE_LENGTH
              + " or "
              + blockSize
              + " bytes for "
              + algorithm
              + ", got "
              + iv.length);
    }
    return Arrays.copyOf(iv, blockSize);
  }

  private static Mac newMac(CipherAlgorithm algorithm) {
    int macBits = MAC_LENGTH * Byte.SIZE;
    return switch (algorithm) {
      case TDES -> new ISO9797Alg3Mac(new DESEngine(), macBits, new ISO7816d4Padding());
      case SM4 -> new CBCBlockCipherMac(new SM4Engine(), macBits, new ISO7816d4Padding());
      case SSF33 -> throw new IllegalArgumentException("SSF33 cannot be computed in software");
    };
  }
}
