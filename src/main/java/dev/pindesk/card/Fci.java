package dev.pindesk.card;

import dev.pindesk.domain.CipherAlgorithm;
import java.util.Optional;

/**
 * Reads the algorithm byte (tag {@code 86}: 01 DES/3DES, 02 SSF33, 03 SM4) from the FCI a card
 * returns on SELECT. The FCI is optional and cards differ, so anything unparseable simply yields no
 * algorithm and the profile's default applies.
 */
final class Fci {
  private Fci() {}

  static Optional<CipherAlgorithm> algorithm(byte[] fci) {
    return find(fci, 0, fci.length, 0x86)
        .flatMap(
            v ->
                switch (v) {
                  case 0x01 -> Optional.of(CipherAlgorithm.TDES);
                  case 0x03 -> Optional.of(CipherAlgorithm.SM4);
                  default -> Optional.empty();
                });
  }

  /** Depth-first search for a one-byte value under {@code tag} in 6F / A5 templates. */
  private static Optional<Integer> find(byte[] b, int from, int to, int tag) {
    int i = from;
    while (i + 2 <= to) {
      int t = b[i] & 0xFF;
      int len = b[i + 1] & 0xFF;
      int start = i + 2;
      if (len > 0x7F || start + len > to) {
        return Optional.empty();
      }
      if (t == tag && len == 1) {
        return Optional.of(b[start] & 0xFF);
      }
      if (t == 0x6F || t == 0xA5) {
        Optional<Integer> inner = find(b, start, start + len, tag);
        if (inner.isPresent()) {
          return inner;
        }
      }
      i = start + len;
    }
    return Optional.empty();
  }
}
