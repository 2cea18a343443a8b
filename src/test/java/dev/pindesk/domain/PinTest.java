package dev.pindesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.codec.Hex;
import org.junit.jupiter.api.Test;

class PinTest {

  @Test
  void encodesAsBcdPaddedWithF() {
    try (Pin six = Pin.of("135790".toCharArray());
        Pin five = Pin.of("12345".toCharArray())) {
      assertThat(Hex.of(six.toBcd())).isEqualTo("135790");
      assertThat(Hex.of(five.toBcd())).isEqualTo("12345F");
    }
  }

  @Test
  void neverShowsItsDigits() {
    try (Pin pin = Pin.of("135790".toCharArray())) {
      assertThat(pin.toString()).doesNotContain("1").doesNotContain("3");
    }
    assertThatThrownBy(() -> Pin.of("12a456".toCharArray())).hasMessageNotContaining("12a456");
  }

  @Test
  void isWipedWhenClosedAndRefusesUseAfterwards() {
    Pin pin = Pin.of("135790".toCharArray());
    pin.close();
    assertThat(pin.isWiped()).isTrue();
    assertThatThrownBy(pin::toBcd).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void comparesInConstantTimeByValue() {
    try (Pin a = Pin.of("135790".toCharArray());
        Pin b = Pin.of("135790".toCharArray());
        Pin c = Pin.of("135791".toCharArray())) {
      assertThat(a.sameAs(b)).isTrue();
      assertThat(a.sameAs(c)).isFalse();
    }
  }

  @Test
  void copiesTheCallersArray() {
    char[] digits = "135790".toCharArray();
    try (Pin pin = Pin.of(digits)) {
      Secrets.wipe(digits);
      assertThat(Hex.of(pin.toBcd())).isEqualTo("135790");
    }
  }
}
