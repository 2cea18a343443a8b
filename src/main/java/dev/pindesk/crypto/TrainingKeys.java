package dev.pindesk.crypto;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Secrets;
import dev.pindesk.ports.KeyPurpose;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Software training keys: public, fixed, labelled, and only ever used with virtual training cards
 * (whose ATR carries {@link #ATR_MARKER}).
 *
 * <p><strong>TRAINING ONLY — these keys are public and must never protect a real card.</strong>
 *
 * <p>Training master key for (purpose, key index, algorithm) = the first 16 bytes of {@code
 * SM3(UTF-8("PINDESK TRAINING MASTER KEY|" + purpose + "|" + keyIndex + "|" + algorithm))}, e.g.
 * {@code "PINDESK TRAINING MASTER KEY|RESET_PIN|1|SM4"} (enum names, decimal key index). The card
 * key is that master key diversified with {@link KeyDiversification#diversify}. Anyone can
 * recompute them from this description, which is the point: training cards are reproducible.
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

  /** Fixed, public label of the training key derivation. */
  static final String MASTER_KEY_LABEL = "PINDESK TRAINING MASTER KEY";

  /**
   * The card key for {@code cardIdCode}, diversified from the training master key. The caller owns
   * the returned 16 bytes and wipes them after use.
   *
   * @throws IllegalArgumentException when {@code cardIdCode} is not 32 hex digits
   */
  public static byte[] cardKey(
      KeyPurpose purpose, int keyIndex, CipherAlgorithm algorithm, String cardIdCode) {
    byte[] masterKey = masterKey(purpose, keyIndex, algorithm);
    try {
      return KeyDiversification.diversify(algorithm, masterKey, cardIdCode);
    } finally {
      Secrets.wipe(masterKey);
    }
  }

  /**
   * The training master key itself, as a virtual training PSAM holds it (it diversifies per card
   * like a real PSAM). Public by design, like everything here; the caller wipes the 16 bytes.
   */
  public static byte[] masterKey(KeyPurpose purpose, int keyIndex, CipherAlgorithm algorithm) {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(algorithm, "algorithm");
    String label = MASTER_KEY_LABEL + "|" + purpose + "|" + keyIndex + "|" + algorithm;
    byte[] digest = Sm3.digest(label.getBytes(StandardCharsets.UTF_8));
    try {
      return Arrays.copyOf(digest, KeyDiversification.KEY_LENGTH);
    } finally {
      Secrets.wipe(digest);
    }
  }
}
