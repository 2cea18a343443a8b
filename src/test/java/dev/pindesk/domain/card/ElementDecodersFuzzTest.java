package dev.pindesk.domain.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random element bytes into the EF05 / EF06 decoders: whatever a card stores, decoding either
 * succeeds or throws {@link ElementDecodingException} naming an element, never anything untyped.
 */
class ElementDecodersFuzzTest {
  private static final int ROUNDS = 100_000;
  private static final CardInfo INFO =
      new CardInfo(
          "330100D156000005011BA293AA4B9E55",
          java.util.Optional.of("3"),
          "3.00",
          java.util.Optional.of("330100000001"),
          java.time.LocalDate.of(2021, 6, 18),
          java.time.LocalDate.of(2031, 6, 18),
          "A31000001");
  private static final CardHolder HOLDER =
      new CardHolder(
          "330106198001011235",
          "陈志强",
          "1",
          java.util.Optional.of("10"),
          java.util.Optional.of("330106"),
          java.time.LocalDate.of(1980, 1, 1));

  @Test
  void randomElementBytesOnlyEverYieldTypedErrors() {
    Random random = new Random(20261207L);
    int decoded = 0;
    int refused = 0;
    for (int round = 0; round < ROUNDS; round++) {
      boolean ef05 = random.nextBoolean();
      // A valid record with up to three elements removed or replaced by random bytes.
      Map<Integer, byte[]> values = new HashMap<>(ef05 ? INFO.encode() : HOLDER.encode());
      java.util.List<SscElement> elements = SscElement.of(ef05 ? SscFile.EF05 : SscFile.EF06);
      for (int k = random.nextInt(4); k > 0; k--) {
        SscElement e = elements.get(random.nextInt(elements.size()));
        if (random.nextInt(4) == 0) {
          values.remove(e.tag());
        } else {
          values.put(e.tag(), value(random, e));
        }
      }
      try {
        if (ef05) {
          CardInfo.decode(values);
        } else {
          CardHolder.decode(values);
        }
        decoded++;
      } catch (ElementDecodingException expected) {
        assertThat(expected.element()).isNotNull();
        refused++;
      }
    }
    // Both outcomes are exercised, or the generator is not testing much.
    assertThat(decoded).isGreaterThan(ROUNDS / 100);
    assertThat(refused).isGreaterThan(ROUNDS / 100);
  }

  /** Mostly plausible values (digits, BCD, printable text, filler), sometimes raw garbage. */
  private static byte[] value(Random random, SscElement e) {
    int length = random.nextInt(5) == 0 ? random.nextInt(40) : e.length();
    byte[] v = new byte[length];
    int kind = random.nextInt(5);
    for (int i = 0; i < length; i++) {
      v[i] =
          (byte)
              switch (kind) {
                case 0 -> '0' + random.nextInt(10);
                case 1 -> random.nextInt(10) << 4 | random.nextInt(10);
                case 2 -> 0x20 + random.nextInt(0x5F);
                case 3 -> random.nextBoolean() ? 0x00 : 0xFF;
                default -> random.nextInt(256);
              };
    }
    return v;
  }
}
