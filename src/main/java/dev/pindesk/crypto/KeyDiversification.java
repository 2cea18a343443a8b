package dev.pindesk.crypto;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Derives a card's MAC key from a master key and the card identification code (EF05 tag 01).
 *
 * <p>Definition (this is what a security module and our virtual card must both compute):
 *
 * <ol>
 *   <li>Diversification data {@code dd} = the 16 bytes of the card identification code (which cards
 *       store in binary and PinDesk writes as 32 hex digits). Anything else is rejected with {@link
 *       IllegalArgumentException}.
 *   <li>{@link CipherAlgorithm#TDES} (PBOC style): {@code D = dd[0..8] XOR dd[8..16]} (8 bytes);
 *       card key = {@code 3DES-ECB-encrypt(MK, D) || 3DES-ECB-encrypt(MK, NOT D)}, where MK is the
 *       two-key triple-DES master key (K1 || K2, encrypt-decrypt-encrypt) and NOT is bitwise
 *       complement. Consequence of the XOR fold: codes whose two halves XOR to the same value (for
 *       example the same halves swapped) share a key.
 *   <li>{@link CipherAlgorithm#SM4}: card key = {@code SM4-ECB-encrypt(MK, dd)} (one 16-byte
 *       block).
 * </ol>
 *
 * <p>Both master and card keys are 16 bytes; DES parity bits are neither set nor checked. The
 * caller owns (and wipes) the master key and the returned card key.
 */
public final class KeyDiversification {
  /** Length of master and card keys. */
  public static final int KEY_LENGTH = 16;

  /** Length of a card identification code. */
  public static final int CARD_ID_CODE_LENGTH = 16;

  private static final int DES_BLOCK = 8;

  private KeyDiversification() {}

  /**
   * The 16-byte card key for {@code cardIdCode} under {@code masterKey16}.
   *
   * @throws IllegalArgumentException when the master key is not 16 bytes or the card identification
   *     code is not 32 hex digits, or the algorithm is one software cannot compute (SSF33)
   */
  public static byte[] diversify(CipherAlgorithm algorithm, byte[] masterKey16, String cardIdCode) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(masterKey16, "masterKey16");
    if (masterKey16.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "master key must be " + KEY_LENGTH + " bytes, got " + masterKey16.length);
    }
    byte[] dd = diversificationData(cardIdCode);
    byte[] data = algorithm == CipherAlgorithm.TDES ? fold(dd) : dd;
    try {
      return fromData(algorithm, masterKey16, data);
    } finally {
      Secrets.wipe(data);
    }
  }

  /**
   * The same card key from the diversification data as a security module (PSAM) receives it: for
   * {@link CipherAlgorithm#TDES} the 8-byte {@code D} (the XOR fold of the code's two 8-byte
   * halves), for {@link CipherAlgorithm#SM4} the code's 16 bytes. {@code diversify(a, mk, code)}
   * equals {@code fromData(a, mk, data)} for that data.
   *
   * @throws IllegalArgumentException when the master key is not 16 bytes or the data is not 8
   *     (TDES) / 16 (SM4) bytes
   */
  public static byte[] fromData(
      CipherAlgorithm algorithm, byte[] masterKey16, byte[] diversificationData) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(masterKey16, "masterKey16");
    Objects.requireNonNull(diversificationData, "diversificationData");
    if (masterKey16.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "master key must be " + KEY_LENGTH + " bytes, got " + masterKey16.length);
    }
    int expected = algorithm == CipherAlgorithm.TDES ? DES_BLOCK : CARD_ID_CODE_LENGTH;
    if (diversificationData.length != expected) {
      throw new IllegalArgumentException(
          "diversification data for "
              + algorithm
              + " must be "
              + expected
              + " bytes, got "
              + diversificationData.length);
    }
    // KeyParameter copies the master key: that copy is ours to wipe.
    KeyParameter masterKey = new KeyParameter(masterKey16);
    try {
      return switch (algorithm) {
        case TDES -> tdes(masterKey, diversificationData);
        case SM4 -> sm4(masterKey, diversificationData);
        case SSF33 -> throw new IllegalArgumentException("SSF33 cannot be computed in software");
      };
    } finally {
      Secrets.wipe(masterKey.getKey());
    }
  }

  /** {@code D = dd[0..8] XOR dd[8..16]}. */
  private static byte[] fold(byte[] dd) {
    byte[] d = new byte[DES_BLOCK];
    for (int i = 0; i < DES_BLOCK; i++) {
      d[i] = (byte) (dd[i] ^ dd[i + DES_BLOCK]);
    }
    return d;
  }

  /** The 16 bytes of the card identification code, written as 32 hex digits. */
  public static byte[] diversificationData(String cardIdCode) {
    Objects.requireNonNull(cardIdCode, "cardIdCode");
    if (!cardIdCode.matches("[0-9A-Fa-f]{32}")) {
      throw new IllegalArgumentException(
          "card identification code must be 32 hex digits ("
              + CARD_ID_CODE_LENGTH
              + " bytes), got "
              + cardIdCode.length()
              + " characters");
    }
    return Hex.parse(cardIdCode);
  }

  private static byte[] tdes(KeyParameter masterKey, byte[] d) {
    byte[] notD = new byte[DES_BLOCK];
    for (int i = 0; i < DES_BLOCK; i++) {
      notD[i] = (byte) ~d[i];
    }
    BlockCipher tdes = new DESedeEngine();
    tdes.init(true, masterKey);
    byte[] cardKey = new byte[KEY_LENGTH];
    tdes.processBlock(d, 0, cardKey, 0);
    tdes.processBlock(notD, 0, cardKey, DES_BLOCK);
    return cardKey;
  }

  private static byte[] sm4(KeyParameter masterKey, byte[] dd) {
    BlockCipher sm4 = new SM4Engine();
    sm4.init(true, masterKey);
    byte[] cardKey = new byte[KEY_LENGTH];
    sm4.processBlock(dd, 0, cardKey, 0);
    return cardKey;
  }
}
