package dev.pindesk.crypto.gm;

import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907) in GCM mode (NIST SP 800-38D with SM4 as the block cipher, as in RFC 8998):
 * 16-byte key, 12-byte nonce, 16-byte tag appended to the ciphertext. Nonces must never repeat
 * under one key; the journal derives them from the entry's unique sequence number.
 */
public final class Sm4Gcm {
  public static final int KEY_LENGTH = 16;
  public static final int NONCE_LENGTH = 12;
  public static final int TAG_LENGTH = 16;

  private Sm4Gcm() {}

  /**
   * {@code ciphertext ‖ tag} of {@code plaintext} with additional authenticated data {@code aad}.
   */
  public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    GCMModeCipher gcm = cipher(true, key, nonce, aad);
    byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
    int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
    try {
      gcm.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("GCM encryption cannot fail", e);
    }
    return out;
  }

  /**
   * The plaintext of {@code sealed} ({@code ciphertext ‖ tag}); the caller wipes it.
   *
   * @throws AEADBadTagException when key, nonce, aad or ciphertext do not match
   */
  public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed)
      throws AEADBadTagException {
    if (sealed.length < TAG_LENGTH) {
      throw new AEADBadTagException("ciphertext shorter than the tag");
    }
    GCMModeCipher gcm = cipher(false, key, nonce, aad);
    byte[] out = new byte[gcm.getOutputSize(sealed.length)];
    int n = gcm.processBytes(sealed, 0, sealed.length, out, 0);
    try {
      gcm.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new AEADBadTagException("GCM tag mismatch");
    }
    return out;
  }

  private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
    if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("SM4-GCM needs a 16-byte key and a 12-byte nonce");
    }
    // A journal event is a few hundred bytes under its own nonce: the default multiplier's 4 KiB
    // table, rebuilt for every event, cost more than the event's GHASH itself (and most of the
    // garbage when a million events are read).
    GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier());
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
    return gcm;
  }
}
