package dev.pindesk.adapters.virtualcard;

import dev.pindesk.crypto.TrainingKeys;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answer-to-reset of a virtual training card (ISO/IEC 7816-3): direct convention, default timing,
 * and historical bytes {@code "PDTRAIN" "SSC" <generation digit>} so that the training security
 * module recognises the card ({@link TrainingKeys#ATR_MARKER}).
 *
 * <p>T=0: {@code 3B 0B <hist>} (no TD1, T=0 implied, no TCK). T=1: {@code 3B 8B 81 01 <hist> TCK} —
 * TD1 names T=1 as the first (and only) offered protocol so PC/SC stacks pick T=1; TCK makes the
 * XOR of T0..TCK zero.
 */
public final class TrainingAtr {
  private TrainingAtr() {}

  /** The ATR for {@code protocol} and card generation (2 or 3, from the specification version). */
  public static byte[] of(CardProtocol protocol, int generation) {
    ByteArrayOutputStream hist = new ByteArrayOutputStream();
    hist.writeBytes(TrainingKeys.ATR_MARKER);
    hist.writeBytes(("SSC" + generation).getBytes(StandardCharsets.US_ASCII));
    byte[] historical = hist.toByteArray();

    ByteArrayOutputStream atr = new ByteArrayOutputStream();
    atr.write(0x3B);
    if (protocol == CardProtocol.T0) {
      atr.write(historical.length);
      atr.writeBytes(historical);
      return atr.toByteArray();
    }
    atr.write(0x80 | historical.length); // TD1 present
    atr.write(0x81); // TD1: TD2 present, T=1
    atr.write(0x01); // TD2: no more interface bytes, T=1
    atr.writeBytes(historical);
    byte[] body = atr.toByteArray();
    int tck = 0;
    for (int i = 1; i < body.length; i++) {
      tck ^= body[i] & 0xFF;
    }
    atr.write(tck);
    return atr.toByteArray();
  }
}
