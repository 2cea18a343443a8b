package dev.pindesk.domain.pin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.Pin;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PinPolicyTest {
  /** Holder born 1986-04-12 (matches the ID), card number K31000001, agent born 1990-11-03. */
  static final PinContext HOLDER =
      PinContext.forHolder(LocalDate.of(1986, 4, 12), "110101198604120243", "K31000001");

  static final PinContext WITH_AGENT = HOLDER.withAgent("11010519901103721X");

  private final PinPolicy policy = new PinPolicy();

  private PinVerdict check(String digits, PinContext context) {
    try (Pin pin = Pin.of(digits.toCharArray())) {
      return policy.check(pin, context);
    }
  }

  @Test
  void acceptsAnUnrelatedIrregularPin() {
    assertThat(check("385217", HOLDER).accepted()).isTrue();
    assertThat(check("385217", HOLDER).firstReason()).isEmpty();
  }

  @Test
  void refusesAnythingButSixDigits() {
    assertThat(check("3852", HOLDER).reasons()).containsExactly(WeakPinReason.NOT_SIX_DIGITS);
    assertThat(check("38521794", HOLDER).reasons()).containsExactly(WeakPinReason.NOT_SIX_DIGITS);
  }

  @Test
  void refusesTheInitialPinFirstOfAll() {
    assertThat(check("123456", HOLDER).firstReason()).hasValue(WeakPinReason.INITIAL_PIN);
    assertThat(check("123456", HOLDER).reasons()).contains(WeakPinReason.ASCENDING);
  }

  @Test
  void refusesAllSameDigits() {
    assertThat(check("777777", HOLDER).firstReason()).hasValue(WeakPinReason.ALL_SAME);
  }

  @Test
  void refusesAscendingRunsIncludingWrappingOnes() {
    assertThat(check("012345", HOLDER).firstReason()).hasValue(WeakPinReason.ASCENDING);
    assertThat(check("890123", HOLDER).firstReason()).hasValue(WeakPinReason.ASCENDING);
  }

  @Test
  void refusesDescendingRunsIncludingWrappingOnes() {
    assertThat(check("654321", HOLDER).firstReason()).hasValue(WeakPinReason.DESCENDING);
    assertThat(check("210987", HOLDER).firstReason()).hasValue(WeakPinReason.DESCENDING);
  }

  @Test
  void refusesRepeatedPairsAndTriples() {
    for (String weak : new String[] {"113355", "474747", "592592", "333999"}) {
      assertThat(check(weak, HOLDER).firstReason())
          .as(weak)
          .hasValue(WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    }
  }

  @Test
  void refusesPinEqualToBirthDateInEveryCommonForm() {
    for (String form : new String[] {"860412", "041286", "120486", "198604", "041986"}) {
      assertThat(check(form, HOLDER).firstReason()).as(form).hasValue(WeakPinReason.BIRTH_DATE);
    }
  }

  @Test
  void refusesTheAgentsBirthDateToo() {
    assertThat(check("031190", WITH_AGENT).firstReason()).hasValue(WeakPinReason.BIRTH_DATE);
    assertThat(check("031190", HOLDER).accepted()).isTrue();
  }

  @Test
  void refusesRunsOfTheHoldersAndTheAgentsIdNumber() {
    assertThat(check("101198", HOLDER).firstReason()).hasValue(WeakPinReason.ID_NUMBER_RUN);
    assertThat(check("120243", HOLDER).firstReason()).hasValue(WeakPinReason.ID_NUMBER_RUN);
    assertThat(check("103721", WITH_AGENT).firstReason()).hasValue(WeakPinReason.ID_NUMBER_RUN);
    assertThat(check("103721", HOLDER).accepted()).isTrue();
  }

  @Test
  void refusesTheCardNumbersTailOnlyWhenItIsDigits() {
    PinContext card =
        PinContext.forHolder(LocalDate.of(1986, 4, 12), "110101198604120243", "K3947582");
    assertThat(check("947582", card).firstReason()).hasValue(WeakPinReason.CARD_NUMBER_TAIL);
    PinContext letters =
        PinContext.forHolder(LocalDate.of(1986, 4, 12), "110101198604120243", "94758X");
    assertThat(check("947580", letters).accepted()).isTrue();
  }

  @Test
  void refusesPopularPins() {
    for (String weak : new String[] {"520520", "147258", "159753", "123321", "201314"}) {
      assertThat(check(weak, HOLDER).reasons()).as(weak).contains(WeakPinReason.KNOWN_WEAK);
    }
  }

  @Test
  void leavesTheCallersPinUnwiped() {
    try (Pin pin = Pin.of("385217".toCharArray())) {
      policy.check(pin, HOLDER);
      assertThat(pin.isWiped()).isFalse();
    }
  }

  @Test
  void messageKeysAreStableLowerCase() {
    assertThat(WeakPinReason.BIRTH_DATE.messageKey()).isEqualTo("pin.weak.birth_date");
  }

  @Test
  void contextNeverShowsPersonalDataInToString() {
    assertThat(WITH_AGENT.toString())
        .doesNotContain("19860412")
        .doesNotContain("1986-04-12")
        .doesNotContain("19901103");
  }
}
