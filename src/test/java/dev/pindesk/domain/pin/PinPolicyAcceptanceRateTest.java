package dev.pindesk.domain.pin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.Pin;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A policy that refuses everything is not a policy: uniformly random 6-digit PINs, drawn without
 * looking at the rules, must be accepted at least 85 % of the time for a citizen whose every number
 * the counter knows. The measured rate is printed and written in {@code docs/pin-policy.md}.
 */
class PinPolicyAcceptanceRateTest {
  private static final int DRAWS = 100_000;
  private static final long SEED = 20261207L;

  /** A typical case: holder and agent, card, phone and bank account all known. */
  static final PinContext TYPICAL =
      PinContext.forHolder(LocalDate.of(1986, 4, 12), "110101198604120243", "K31000001")
          .withAgent("11010519901103721X")
          .withPhone("13907518264")
          .withBankAccount("6222021234567803916")
          .withRegion("110100");

  private final PinPolicy policy = new PinPolicy();

  @Test
  void acceptsAtLeast85PercentOfUniformlyRandomPins() {
    double rate = acceptanceRate(TYPICAL, new SplittableRandom(SEED));
    System.out.printf(
        Locale.ROOT, "PIN policy acceptance of %d random PINs: %.2f %%%n", DRAWS, rate * 100);
    assertThat(rate).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void acceptsAtLeast85PercentWithoutContextToo() {
    assertThat(acceptanceRate(PinContext.NONE, new SplittableRandom(SEED + 1)))
        .isGreaterThanOrEqualTo(0.85);
  }

  private double acceptanceRate(PinContext context, SplittableRandom random) {
    int accepted = 0;
    char[] digits = new char[PinPolicy.LENGTH];
    for (int n = 0; n < DRAWS; n++) {
      for (int i = 0; i < digits.length; i++) {
        digits[i] = (char) ('0' + random.nextInt(10));
      }
      try (Pin pin = Pin.of(digits)) {
        accepted += policy.check(pin, context).accepted() ? 1 : 0;
      }
    }
    java.util.Arrays.fill(digits, '\0');
    return accepted / (double) DRAWS;
  }
}
