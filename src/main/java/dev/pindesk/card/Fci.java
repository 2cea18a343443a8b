package dev.pindesk.card;

import dev.pindesk.domain.CipherAlgorithm;
import java.util.Optional;

/**
 * Reads the algorithm byte (tag {@code 86}: 01 DES/3DES, 02 SSF33, 03 SM4) from the FCI a card
 * returns on SELECT, nested as {@code 6F … A5 … 9F0C 03 86 01 xx} on cards in the field (or
 * directly under {@code A5} on others). The FCI is optional and cards differ, so anything
 * unparseable or an unknown byte yields no algorithm and the profile's default applies; SSF33 is
 * reported as such, so writes can be refused instead of guessed with another cipher.
 */
final class Fci {
  private static final int ALGORITHM = 0x86;

  private Fci() {}

  static Optional<CipherAlgorithm> algorithm(byte[] fci) {
    return find(fci, 0, fci.length, 0)
        .flatMap(
            v ->
                switch (v) {
                  case 0x01 -> Optional.of(CipherAlgorithm.TDES);
                  case 0x02 -> Optional.of(CipherAlgorithm.SSF33);
                  case 0x03 -> Optional.of(CipherAlgorithm.SM4);
                  default -> Optional.empty();
                });
  }

  /**
   * Depth-first search for the one-byte value of tag 86 in BER-TLV (multi-byte tags, lengths up to
   * {@code 82 xx xx}), descending into constructed templates and into {@code 9F0C}, which the cards
   * use as a container although its tag says primitive.
   */
  private static Optional<Integer> find(byte[] b, int from, int to, int depth) {
    int i = from;
    while (i < to && depth < 8) {
      int tagStart = i;
      int first = b[i++] & 0xFF;
      int tag = first;
      if ((first & 0x1F) == 0x1F) {
        do {
          if (i >= to) {
            return Optional.empty();
          }
          tag = tag << 8 | (b[i] & 0xFF);
        } while ((b[i++] & 0x80) != 0 && i - tagStart < 4);
      }
      if (i >= to) {
        return Optional.empty();
      }
      int len = b[i++] & 0xFF;
      if (len > 0x80) {
        int n = len - 0x80;
        if (n > 2 || i + n > to) {
          return Optional.empty();
        }
        len = 0;
        for (int k = 0; k < n; k++) {
          len = len << 8 | (b[i++] & 0xFF);
        }
      } else if (len == 0x80) {
        return Optional.empty();
      }
      if (len > to - i) {
        return Optional.empty();
      }
      if (tag == ALGORITHM && len == 1) {
        return Optional.of(b[i] & 0xFF);
      }
      if ((first & 0x20) != 0 || tag == 0x9F0C) {
        Optional<Integer> inner = find(b, i, i + len, depth + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
      i += len;
    }
    return Optional.empty();
  }
}
