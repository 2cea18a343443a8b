package dev.pindesk.domain.pin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.Pin;
import org.junit.jupiter.api.Test;

class PinEntryTest {
  private final PinEntry entry = new PinEntry(new PinPolicy(), PinPolicyTest.HOLDER);

  private static Pin pin(String digits) {
    return Pin.of(digits.toCharArray());
  }

  @Test
  void aWeakFirstEntryIsRefusedAndWipedBeforeTheSecondPrompt() {
    Pin first = pin("860412");
    PinEntryResult result = entry.check(first);
    assertThat(result).isInstanceOf(PinEntryResult.Weak.class);
    assertThat(((PinEntryResult.Weak) result).reason()).isEqualTo(WeakPinReason.BIRTH_DATE);
    assertThat(first.isWiped()).isTrue();
  }

  @Test
  void aGoodFirstEntryStaysWithTheCaller() {
    try (Pin first = pin("385217")) {
      PinEntryResult result = entry.check(first);
      assertThat(result).isEqualTo(new PinEntryResult.Accepted(first));
      assertThat(first.isWiped()).isFalse();
    }
  }

  @Test
  void matchingEntriesKeepTheFirstAndWipeTheSecond() {
    Pin first = pin("385217");
    Pin second = pin("385217");
    PinEntryResult result = entry.confirm(first, second);
    assertThat(result).isInstanceOf(PinEntryResult.Accepted.class);
    Pin kept = ((PinEntryResult.Accepted) result).pin();
    assertThat(kept).isSameAs(first);
    assertThat(kept.isWiped()).isFalse();
    assertThat(second.isWiped()).isTrue();
    kept.close();
  }

  @Test
  void aMismatchRestartsTheEntryAndWipesBoth() {
    Pin first = pin("385217");
    Pin second = pin("385218");
    assertThat(entry.confirm(first, second)).isInstanceOf(PinEntryResult.Mismatch.class);
    assertThat(first.isWiped()).isTrue();
    assertThat(second.isWiped()).isTrue();
  }

  @Test
  void confirmRefusesAWeakPinEvenWhenCheckWasSkipped() {
    Pin first = pin("111111");
    Pin second = pin("111111");
    PinEntryResult result = entry.confirm(first, second);
    assertThat(result).isInstanceOf(PinEntryResult.Weak.class);
    assertThat(first.isWiped()).isTrue();
    assertThat(second.isWiped()).isTrue();
  }

  @Test
  void resultsNeverShowDigits() {
    Pin first = pin("385217");
    PinEntryResult result = entry.confirm(first, pin("385217"));
    assertThat(result.toString()).doesNotContain("385217");
    first.close();
  }
}
