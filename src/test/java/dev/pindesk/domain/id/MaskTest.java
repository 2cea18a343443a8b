package dev.pindesk.domain.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskTest {

  @ParameterizedTest
  @CsvSource({
    "11010519491231002X, 110105********002X",
    "110105194912310021, 110105********0021", // fails the checksum: masking does not care
    "110105491231002, 110105******002", // old 15-digit number: YYMMDD hidden
    "11010519491231002X9, 110105*********02X9",
    "1101051949, **********",
    "12, **"
  })
  void masksIdNumbersOfAnyShape(String number, String masked) {
    assertThat(Mask.idNumber(number)).isEqualTo(masked);
  }

  @Test
  void masksEmptyNumberAsEmpty() {
    assertThat(Mask.idNumber("")).isEmpty();
  }

  @Test
  void keepsOnlyTheFirstCharacterOfAName() {
    assertThat(Mask.name("张三丰")).isEqualTo("张**");
    assertThat(Mask.name("阿卜杜热合曼·买买提")).isEqualTo("阿*********");
    assertThat(Mask.name("王")).isEqualTo("*");
    assertThat(Mask.name("")).isEmpty();
  }

  @Test
  void countsSupplementaryCharactersAsOne() {
    assertThat(Mask.name("𠀾王")).isEqualTo("𠀾*");
    assertThat(Mask.name("王𠀾")).isEqualTo("王*");
  }
}
