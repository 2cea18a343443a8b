package dev.pindesk.adapters.virtualcard;

import dev.pindesk.crypto.CardCipher;
import dev.pindesk.crypto.CardMac;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Secrets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A {@link VirtualPsam}'s key after INIT FOR DESCRYPT: enciphers 16-byte fields, or MACs over one
 * or more {@code 80 FA} commands: collects the initial vector and the host-padded data, then
 * computes {@link CardMac} — so the virtual PSAM and the training security module agree by
 * construction, and a host that pads wrongly is caught.
 */
final class PsamMacChain {
  private final CipherAlgorithm algorithm;
  private final byte[] cardKey;
  private byte[] data = new byte[0];
  private byte[] iv;

  /** Takes ownership of {@code cardKey} (wiped by {@link #wipe()}). */
  PsamMacChain(CipherAlgorithm algorithm, byte[] cardKey) {
    this.algorithm = algorithm;
    this.cardKey = cardKey;
  }

  int blockSize() {
    return algorithm.blockSize();
  }

  boolean started() {
    return iv != null;
  }

  /** Starts the chain; {@code iv} is a whole block (zeros when the host XORed it in itself). */
  void start(byte[] initialVector) {
    wipeData();
    iv = initialVector.clone();
  }

  void append(byte[] blocks) {
    byte[] grown = Arrays.copyOf(data, data.length + blocks.length);
    System.arraycopy(blocks, 0, grown, data.length, blocks.length);
    Secrets.wipe(data);
    data = grown;
  }

  /**
   * The 4-byte MAC over the collected data without its method-2 padding; empty when the padding is
   * not {@code 80 00..} within the last block.
   */
  Optional<byte[]> finish() {
    byte[] padded = data.clone();
    try {
      int limit = Math.max(0, padded.length - blockSize()); // padding lies in the last block
      int end = padded.length - 1;
      while (end >= limit && padded[end] == 0) {
        end--;
      }
      if (end < limit || padded[end] != (byte) 0x80) {
        return Optional.empty();
      }
      byte[] input = Arrays.copyOf(padded, end);
      try {
        return Optional.of(CardMac.compute(algorithm, cardKey, iv, input));
      } finally {
        Secrets.wipe(input);
      }
    } finally {
      Secrets.wipe(padded);
      wipeData();
    }
  }

  /** ECB encipherment of whole 16-byte fields under the card key (DESCRYPT without MAC). */
  byte[] encipher(byte[] fields) {
    return CardCipher.ecb(algorithm, cardKey, fields, true);
  }

  void wipe() {
    wipeData();
    Secrets.wipe(cardKey);
  }

  private void wipeData() {
    Secrets.wipe(data);
    data = new byte[0];
    if (iv != null) {
      Secrets.wipe(iv);
      iv = null;
    }
  }
}
