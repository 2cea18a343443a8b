package dev.pindesk.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Independent, deliberately naive MAC implementations the tests compare {@link CardMac} with: the
 * retail MAC from SunJCE's DES and DESede ciphers, the SM4 CBC-MAC from BouncyCastle's raw block
 * function, and padding written out by hand. Inputs are expected already padded.
 */
final class ReferenceMac {
  private ReferenceMac() {}

  /** ISO/IEC 9797-1 padding method 2, written out by hand. */
  static byte[] padMethod2(byte[] data, int blockSize) {
    int padded = (data.length / blockSize + 1) * blockSize;
    byte[] out = Arrays.copyOf(data, padded);
    out[data.length] = (byte) 0x80;
    return out;
  }

  /** ISO/IEC 9797-1 padding method 1 (zeros, none if already aligned; one block if empty). */
  static byte[] padMethod1(byte[] data, int blockSize) {
    int blocks = Math.max(1, (data.length + blockSize - 1) / blockSize);
    return Arrays.copyOf(data, blocks * blockSize);
  }

  /**
   * MAC algorithm 3 over already padded data via SunJCE, step by step: DES-CBC with K1 and the IV,
   * keep the last block, DES-ECB decrypt it with K2, DES-ECB encrypt with K1. Full 8 bytes.
   */
  static byte[] retailMac(byte[] key16, byte[] iv8, byte[] padded) {
    try {
      byte[] k1 = Arrays.copyOfRange(key16, 0, 8);
      byte[] k2 = Arrays.copyOfRange(key16, 8, 16);
      Cipher cbc = Cipher.getInstance("DES/CBC/NoPadding", "SunJCE");
      cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k1, "DES"), new IvParameterSpec(iv8));
      byte[] chain = cbc.doFinal(padded);
      byte[] last = Arrays.copyOfRange(chain, chain.length - 8, chain.length);
      Cipher ecb = Cipher.getInstance("DES/ECB/NoPadding", "SunJCE");
      ecb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k2, "DES"));
      byte[] step = ecb.doFinal(last);
      ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k1, "DES"));
      return ecb.doFinal(step);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** Two-key triple DES ECB encryption of one block via SunJCE (key expanded to K1||K2||K1). */
  static byte[] tdesEcb(byte[] key16, byte[] block8) {
    try {
      byte[] key24 = Arrays.copyOf(key16, 24);
      System.arraycopy(key16, 0, key24, 16, 8);
      Cipher ecb = Cipher.getInstance("DESede/ECB/NoPadding", "SunJCE");
      ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key24, "DESede"));
      return ecb.doFinal(block8);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** One SM4 block encryption with BouncyCastle's raw engine. */
  static byte[] sm4Block(byte[] key16, byte[] block16) {
    SM4Engine sm4 = new SM4Engine();
    sm4.init(true, new KeyParameter(key16));
    byte[] out = new byte[16];
    sm4.processBlock(block16, 0, out, 0);
    return out;
  }

  /** MAC algorithm 1 with SM4 over already padded data, chaining by hand block by block. */
  static byte[] sm4CbcMac(byte[] key16, byte[] iv16, byte[] padded) {
    byte[] chain = iv16.clone();
    for (int off = 0; off < padded.length; off += 16) {
      byte[] block = new byte[16];
      for (int i = 0; i < 16; i++) {
        block[i] = (byte) (chain[i] ^ padded[off + i]);
      }
      chain = sm4Block(key16, block);
    }
    return chain;
  }
}
