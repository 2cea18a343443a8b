package dev.pindesk.crypto;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Secrets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The enciphering half of PinDesk's privileged card commands, as the training security module and
 * the virtual card both compute it. The card's vendor manual defines the real formats; these are
 * PinDesk's stated assumptions (listed in the card profiles and {@code docs/card-commands.md}):
 *
 * <ul>
 *   <li>Every enciphered field is 16 bytes, ECB under the card key: two-key triple DES (two 8-byte
 *       blocks) or SM4 (one block).
 *   <li>External authentication cryptogram = enciphered (challenge, then {@code 80 00..} up to 16
 *       bytes: ISO/IEC 9797-1 padding method 2).
 *   <li>PIN block = enciphered (number of digits, the digits as BCD padded with {@code F} to whole
 *       bytes, then {@code 80 00..} up to 16 bytes).
 * </ul>
 *
 * <p>The caller owns keys and results and wipes them; messages name lengths, never content.
 */
public final class CardCipher {
  /** Length of a cryptogram and an enciphered PIN block. */
  public static final int FIELD_LENGTH = 16;

  /** Most PIN digits a PIN block holds (the national interface allows 8 on a keypad). */
  public static final int MAX_PIN_DIGITS = 12;

  private CardCipher() {}

  /** The external authentication cryptogram over {@code challenge} (at most 15 bytes). */
  public static byte[] cryptogram(CipherAlgorithm algorithm, byte[] key, byte[] challenge) {
    Objects.requireNonNull(challenge, "challenge");
    byte[] plain = challengeField(challenge);
    try {
      return ecb(algorithm, key, plain, true);
    } finally {
      Secrets.wipe(plain);
    }
  }

  /** The plaintext a cryptogram enciphers: the challenge padded to 16 bytes (method 2). */
  public static byte[] challengeField(byte[] challenge) {
    if (challenge.length == 0 || challenge.length >= FIELD_LENGTH) {
      throw new IllegalArgumentException(
          "challenge must be 1 to " + (FIELD_LENGTH - 1) + " bytes, got " + challenge.length);
    }
    return pad(challenge);
  }

  /**
   * The plaintext PIN block: number of digits, BCD digits padded with F, {@code 80 00..} to 16
   * bytes. The caller wipes it.
   */
  public static byte[] pinField(int digits, byte[] pinBcd) {
    if (digits < 1 || digits > MAX_PIN_DIGITS || pinBcd.length != (digits + 1) / 2) {
      throw new IllegalArgumentException("PIN block needs 1 to " + MAX_PIN_DIGITS + " digits");
    }
    byte[] body = new byte[1 + pinBcd.length];
    body[0] = (byte) digits;
    System.arraycopy(pinBcd, 0, body, 1, pinBcd.length);
    try {
      return pad(body);
    } finally {
      Secrets.wipe(body);
    }
  }

  /**
   * The enciphered PIN block for {@code pinBcd} ({@code digits} digits, BCD padded with F as {@code
   * Pin.toBcd()} gives them).
   */
  public static byte[] encipherPinBlock(
      CipherAlgorithm algorithm, byte[] key, int digits, byte[] pinBcd) {
    byte[] plain = pinField(digits, pinBcd);
    try {
      return ecb(algorithm, key, plain, true);
    } finally {
      Secrets.wipe(plain);
    }
  }

  /**
   * Deciphers a PIN block: the BCD digits (padded with F), or empty when the block is not one
   * (wrong length, bad digit count or padding). The caller wipes the result.
   */
  public static Optional<byte[]> decipherPinBlock(
      CipherAlgorithm algorithm, byte[] key, byte[] enciphered) {
    if (enciphered.length != FIELD_LENGTH) {
      return Optional.empty();
    }
    byte[] plain = ecb(algorithm, key, enciphered, false);
    try {
      return parsePinField(plain);
    } finally {
      Secrets.wipe(plain);
    }
  }

  /**
   * The BCD digits of a plaintext PIN block ({@link #pinField}), or empty when it is not one. The
   * caller wipes the result.
   */
  public static Optional<byte[]> parsePinField(byte[] plain) {
    if (plain.length != FIELD_LENGTH) {
      return Optional.empty();
    }
    int digits = plain[0] & 0xFF;
    int bcdLength = (digits + 1) / 2;
    if (digits < 1 || digits > MAX_PIN_DIGITS || plain[1 + bcdLength] != (byte) 0x80) {
      return Optional.empty();
    }
    for (int i = 2 + bcdLength; i < plain.length; i++) {
      if (plain[i] != 0) {
        return Optional.empty();
      }
    }
    return Optional.of(Arrays.copyOfRange(plain, 1, 1 + bcdLength));
  }

  /**
   * ECB over whole 16-byte fields: two-key triple DES or SM4 with a 16-byte key.
   *
   * @throws IllegalArgumentException when the key is not 16 bytes or the data not a multiple of 16
   */
  public static byte[] ecb(CipherAlgorithm algorithm, byte[] key, byte[] data, boolean encrypt) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(data, "data");
    if (key.length != CardMac.KEY_LENGTH) {
      throw new IllegalArgumentException(
          "card key must be " + CardMac.KEY_LENGTH + " bytes, got " + key.length);
    }
    if (data.length == 0 || data.length % FIELD_LENGTH != 0) {
      throw new IllegalArgumentException(
          "data must be a multiple of " + FIELD_LENGTH + " bytes, got " + data.length);
    }
    BlockCipher cipher =
        switch (algorithm) {
          case TDES -> new DESedeEngine();
          case SM4 -> new SM4Engine();
          case SSF33 -> throw new IllegalArgumentException("SSF33 cannot be computed in software");
        };
    KeyParameter keyParameter = new KeyParameter(key);
    try {
      cipher.init(encrypt, keyParameter);
      byte[] out = new byte[data.length];
      int block = cipher.getBlockSize();
      for (int i = 0; i < data.length; i += block) {
        cipher.processBlock(data, i, out, i);
      }
      return out;
    } finally {
      Secrets.wipe(keyParameter.getKey());
    }
  }

  /** {@code data 80 00..} up to 16 bytes; {@code data} must be shorter than 16 bytes. */
  private static byte[] pad(byte[] data) {
    if (data.length >= FIELD_LENGTH) {
      throw new IllegalArgumentException("field data must be shorter than " + FIELD_LENGTH);
    }
    byte[] out = new byte[FIELD_LENGTH];
    System.arraycopy(data, 0, out, 0, data.length);
    out[data.length] = (byte) 0x80;
    return out;
  }
}
