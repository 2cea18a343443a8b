package dev.pindesk.crypto.gm;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The journal's SM3 hash chain: {@code h_n = SM3(h_{n-1} ‖ seq ‖ header ‖ body)} with {@code seq}
 * an unsigned 64-bit big-endian integer. Headers have a fixed length, so the concatenation is
 * unambiguous.
 *
 * <p>An instance keeps one digest and reuses it ({@link SM3Digest#doFinal} resets it), so a
 * verifier walking a million entries allocates nothing per link. Instances are not thread-safe.
 */
public final class Sm3Chain {
  public static final int HASH_LENGTH = 32;

  private final SM3Digest sm3 = new SM3Digest();
  private final byte[] seqBytes = new byte[8];

  /** The link {@code h_n} following {@code previous}. */
  public static byte[] link(byte[] previous, long seq, byte[] header, byte[] body) {
    byte[] out = new byte[HASH_LENGTH];
    new Sm3Chain().linkInto(previous, seq, header, body, out);
    return out;
  }

  /** Writes the link {@code h_n} following {@code previous} into {@code out} (32 bytes). */
  public void linkInto(byte[] previous, long seq, byte[] header, byte[] body, byte[] out) {
    sm3.update(previous, 0, previous.length);
    for (int i = 0; i < 8; i++) {
      seqBytes[i] = (byte) (seq >>> (56 - 8 * i));
    }
    sm3.update(seqBytes, 0, 8);
    sm3.update(header, 0, header.length);
    sm3.update(body, 0, body.length);
    sm3.doFinal(out, 0);
  }
}
