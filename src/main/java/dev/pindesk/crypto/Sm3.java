package dev.pindesk.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * SM3 hash (GB/T 32905-2016), 32-byte digests. Used to derive training keys and, later, to chain
 * the journal.
 */
public final class Sm3 {
  /** Digest length in bytes. */
  public static final int DIGEST_LENGTH = 32;

  private Sm3() {}

  /** The SM3 digest of {@code data}. */
  public static byte[] digest(byte[] data) {
    Objects.requireNonNull(data, "data");
    SM3Digest sm3 = new SM3Digest();
    sm3.update(data, 0, data.length);
    byte[] out = new byte[DIGEST_LENGTH];
    sm3.doFinal(out, 0);
    return out;
  }
}
