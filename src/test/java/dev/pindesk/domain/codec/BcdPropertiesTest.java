package dev.pindesk.domain.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BcdPropertiesTest {

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(40);
  }

  @Property
  void decodingUndoesEncoding(@ForAll("digits") String digits) {
    assertThat(Bcd.decode(Bcd.encode(digits))).isEqualTo(digits);
  }

  @Property
  void packsTwoDigitsPerBytePaddingOddCountsWithF(@ForAll("digits") String digits) {
    byte[] packed = Bcd.encode(digits);

    assertThat(packed).hasSize((digits.length() + 1) / 2);
    if (digits.length() % 2 == 1) {
      assertThat(packed[packed.length - 1] & 0x0F).isEqualTo(0x0F);
    }
    assertThat(Hex.of(packed)).startsWith(digits);
  }

  @Property
  void decodingArbitraryBytesYieldsDigitsOrIllegalArgument(@ForAll byte[] bytes) {
    try {
      String digits = Bcd.decode(bytes);
      assertThat(digits).matches("[0-9]*").hasSizeLessThanOrEqualTo(bytes.length * 2);
      assertThat(Hex.of(bytes)).startsWith(digits);
    } catch (IllegalArgumentException expected) {
      assertThat(Hex.of(bytes)).containsPattern("[A-E]|F[0-9]");
    }
  }

  @Property
  void encodingRejectsAnythingButDigits(@ForAll("digits") String digits, @ForAll char other) {
    String input = digits + other;
    if (other >= '0' && other <= '9') {
      assertThat(Bcd.decode(Bcd.encode(input))).isEqualTo(input);
    } else {
      assertThatThrownBy(() -> Bcd.encode(input)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void encodesPinBlocksAndDatesAsTheCardExpects() {
    assertThat(Bcd.encode("123456")).isEqualTo(Hex.parse("123456"));
    assertThat(Bcd.encode("12345")).isEqualTo(Hex.parse("12345F"));
    assertThat(Bcd.decode(Hex.parse("6501FF"))).isEqualTo("6501");
  }
}
