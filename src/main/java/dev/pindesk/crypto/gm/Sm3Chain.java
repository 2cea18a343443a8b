package dev.pindesk.crypto.gm;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The journal's SM3 hash chain: {@code h_n = SM3(h_{n-1} ‖ seq ‖ header ‖ body)} with {@code seq}
 * an unsigned 64-bit big-endian integer. Headers have a fixed length, so the concatenation is
 * unambiguous.
 */
public final class Sm3Chain {
  public static final int HASH_LENGTH = 32;

  private Sm3Chain() {}

  /** The link {@code h_n} following {@code previous}. */
  public static byte[] link(byte[] previous, long seq, byte[] header, byte[] body) {
    SM3Digest sm3 = new SM3Digest();
    sm3.update(previous, 0, previous.length);
    for (int shift = 56; shift >= 0; shift -= 8) {
      sm3.update((byte) (seq >>> shift));
    }
    sm3.update(header, 0, header.length);
    sm3.update(body, 0, body.length);
    byte[] out = new byte[HASH_LENGTH];
    sm3.doFinal(out, 0);
    return out;
  }
}
