package dev.pindesk.domain.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ReceiptTest {

  @Test
  void masksTheIdNumberNameAndCardNumber() {
    Receipt r =
        Receipt.of(
            "WS-1",
            ServiceKind.UNLOCK,
            HolderKind.AGENT,
            new Receipt.Holder("11010519491231002X", "张三丰", "A12345678"),
            LocalDateTime.of(2026, 1, 2, 3, 4),
            "WS",
            "op1",
            true,
            false);

    assertThat(r.maskedIdNumber()).isEqualTo("110105********002X");
    assertThat(r.maskedName()).isEqualTo("张**");
    assertThat(r.maskedCardNumber()).isEqualTo("*****5678");
    assertThat(r.toString()).doesNotContain("11010519491231002X", "张三丰", "A12345678");
  }

  @Test
  void hidesShortCardNumbersCompletely() {
    assertThat(Receipt.maskCardNumber("1234")).isEqualTo("****");
  }

  @Test
  void holderToStringIsMasked() {
    assertThat(new Receipt.Holder("11010519491231002X", "张三丰", "A12345678").toString())
        .doesNotContain("11010519491231002X", "张三丰");
  }
}
