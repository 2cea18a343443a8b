package dev.pindesk.crypto;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.ports.MacRequest.MacPurpose;
import java.nio.charset.StandardCharsets;

/**
 * Software training keys: public, fixed, labelled, and only ever used with virtual training cards
 * (whose ATR carries {@link #ATR_MARKER}).
 *
 * <p>STUB for key derivation — replaced by the crypto work package.
 */
public final class TrainingKeys {
  /** ASCII marker in the historical bytes of every virtual training card's ATR. */
  public static final byte[] ATR_MARKER = "PDTRAIN".getBytes(StandardCharsets.US_ASCII);

  private TrainingKeys() {}

  /** True when {@code atr} carries the training marker. */
  public static boolean isTrainingCard(byte[] atr) {
    outer:
    for (int i = 0; i + ATR_MARKER.length <= atr.length; i++) {
      for (int j = 0; j < ATR_MARKER.length; j++) {
        if (atr[i + j] != ATR_MARKER[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The card key for {@code cardIdCode}, diversified from the training master key. */
  public static byte[] cardKey(
      MacPurpose purpose, int keyIndex, CipherAlgorithm algorithm, String cardIdCode) {
    throw new UnsupportedOperationException("stub");
  }
}
