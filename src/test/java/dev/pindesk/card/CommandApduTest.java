package dev.pindesk.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.codec.Hex;
import org.junit.jupiter.api.Test;

class CommandApduTest {

  @Test
  void encodesTheFourCases() {
    assertThat(Hex.of(CommandApdu.of(0, 0x20, 0, 0).toBytes())).isEqualTo("00200000");
    assertThat(Hex.of(CommandApdu.withLe(0, 0x84, 0, 0, 8).toBytes())).isEqualTo("0084000008");
    assertThat(Hex.of(CommandApdu.withData(0, 0xA4, 2, 0, Hex.parse("EF05"), -1).toBytes()))
        .isEqualTo("00A4020002EF05");
    assertThat(Hex.of(CommandApdu.withData(0, 0xA4, 4, 0, Hex.parse("AA"), 256).toBytes()))
        .isEqualTo("00A4040001AA00");
  }

  @Test
  void sensitiveDataNeverAppearsInTextAndCanBeWiped() {
    byte[] pin = Hex.parse("123456");
    CommandApdu c = CommandApdu.secret(0, 0x20, 0, 0, pin);
    assertThat(c.toString()).isEqualTo("00 20 00 00 03 ******").doesNotContain("1234");
    c.wipe();
    assertThat(Hex.of(c.toBytes())).isEqualTo("0020000003000000");
  }
}
