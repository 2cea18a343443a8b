package dev.pindesk.adapters.virtualcard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.codec.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainingAtrTest {

  @Test
  void t0AtrIsDirectConventionWithHistoricalBytesOnly() {
    assertThat(Hex.of(TrainingAtr.of(CardProtocol.T0, 3)))
        .isEqualTo(
            "3B0B" + Hex.of("PDTRAINSSC3".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  @ParameterizedTest
  @EnumSource(CardProtocol.class)
  void atrParsesPerIso7816Part3AndOffersTheProfileProtocol(CardProtocol protocol) {
    ParsedAtr atr = ParsedAtr.parse(TrainingAtr.of(protocol, 2));

    assertThat(atr.protocols()).containsExactly(protocol == CardProtocol.T0 ? 0 : 1);
    assertThat(new String(atr.historical(), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PDTRAINSSC2");
  }

  @ParameterizedTest
  @EnumSource(CardProtocol.class)
  void atrCarriesTrainingMarker(CardProtocol protocol) {
    assertThat(TrainingKeys.isTrainingCard(TrainingAtr.of(protocol, 3))).isTrue();
  }

  @Test
  void virtualCardAnswersTheAtrOfItsProfile() {
    VirtualSscCard card = TestCards.card(TestCards.gen2());

    assertThat(card.atr()).isEqualTo(TrainingAtr.of(CardProtocol.T0, 2));
  }

  /**
   * A small ISO/IEC 7816-3 ATR reader: TS, T0 (Y1, K), interface byte groups chained by TDi, K
   * historical bytes, and TCK (XOR of T0..TCK is 0) required unless only T=0 is offered.
   */
  record ParsedAtr(List<Integer> protocols, byte[] historical) {
    static ParsedAtr parse(byte[] atr) {
      assertThat(atr[0] & 0xFF).as("TS direct convention").isEqualTo(0x3B);
      int i = 1;
      int y = (atr[i] >> 4) & 0x0F;
      int k = atr[i] & 0x0F;
      i++;
      List<Integer> protocols = new ArrayList<>();
      while (true) {
        i += Integer.bitCount(y & 0x7); // TA, TB, TC present
        if ((y & 0x8) == 0) {
          break;
        }
        int td = atr[i++] & 0xFF;
        protocols.add(td & 0x0F);
        y = td >> 4;
      }
      if (protocols.isEmpty()) {
        protocols.add(0); // T=0 implied
      }
      byte[] historical = Arrays.copyOfRange(atr, i, i + k);
      i += k;
      boolean onlyT0 = protocols.stream().allMatch(p -> p == 0);
      if (onlyT0) {
        assertThat(atr).as("no TCK when only T=0 is offered").hasSize(i);
      } else {
        assertThat(atr).as("TCK present").hasSize(i + 1);
        int xor = 0;
        for (int j = 1; j < atr.length; j++) {
          xor ^= atr[j] & 0xFF;
        }
        assertThat(xor).as("XOR of T0..TCK").isZero();
      }
      return new ParsedAtr(protocols.stream().distinct().toList(), historical);
    }
  }
}
