package dev.pindesk.adapters.sam;

import dev.pindesk.domain.Secrets;
import java.util.Arrays;

/**
 * The bytes a PSAM's MAC command chain carries: the MAC input padded per ISO/IEC 9797-1 method 2
 * ({@code 80 00..}, always added), and the initial vector — the card's challenge zero-filled to the
 * cipher block, as {@code crypto.CardMac} uses it — either in front or XORed into the first block
 * (both give the same CBC-based MAC).
 */
final class MacInput {
  private MacInput() {}

  /** A fresh array the caller wipes. */
  static byte[] stream(MacRequest request, boolean ivInFront) {
    int block = request.algorithm().blockSize();
    byte[] iv = Arrays.copyOf(request.challenge(), block);
    byte[] input = request.macInput();
    int padded = (input.length / block + 1) * block;
    byte[] out = new byte[(ivInFront ? block : 0) + padded];
    int offset = ivInFront ? block : 0;
    if (ivInFront) {
      System.arraycopy(iv, 0, out, 0, block);
    }
    System.arraycopy(input, 0, out, offset, input.length);
    out[offset + input.length] = (byte) 0x80;
    if (!ivInFront) {
      for (int i = 0; i < block; i++) {
        out[i] ^= iv[i];
      }
    }
    Secrets.wipe(iv);
    return out;
  }
}
