package dev.pindesk.domain.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseIdsTest {
  @Test
  void idsAreReadableAndCarryWorkstationAndUtcDay() {
    String id = new CaseIds("SZ0107", Cases.CLOCK, new Random(1)).next();
    assertThat(id).matches("SZ0107-20250601-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
  }

  @Test
  void idsDoNotRepeat() {
    CaseIds ids = new CaseIds("W1", Cases.CLOCK, new Random(7));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(ids.next())).isTrue();
    }
  }

  @Test
  void refusesWorkstationIdsThatWouldBreakTheFormat() {
    assertThatThrownBy(() -> new CaseIds("ws-1", Cases.CLOCK, new Random()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
