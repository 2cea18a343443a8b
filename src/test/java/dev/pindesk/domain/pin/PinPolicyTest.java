package dev.pindesk.domain.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.Pin;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PinPolicyTest {
  /** Holder born 1986-04-12 (matches the ID), card number K31000001, agent born 1990-11-03. */
  static final PinContext HOLDER =
      PinContext.forHolder(LocalDate.of(1986, 4, 12), "110101198604120243", "K31000001");

  static final PinContext WITH_AGENT = HOLDER.withAgent("11010519901103721X");

  private final PinPolicy policy = new PinPolicy();

  private PinVerdict check(String digits, PinContext context) {
    return check(policy, digits, context);
  }

  private static PinVerdict check(PinPolicy policy, String digits, PinContext context) {
    try (Pin pin = Pin.of(digits.toCharArray())) {
      return policy.check(pin, context);
    }
  }

  private void assertRefusedFirstFor(WeakPinReason reason, PinContext context, String... pins) {
    for (String pin : pins) {
      assertThat(check(pin, context).firstReason()).as(pin).hasValue(reason);
    }
  }

  private void assertRefusedFor(WeakPinReason reason, PinContext context, String... pins) {
    for (String pin : pins) {
      assertThat(check(pin, context).reasons()).as(pin).contains(reason);
    }
  }

  private void assertAccepted(PinContext context, String... pins) {
    for (String pin : pins) {
      assertThat(check(pin, context).reasons()).as(pin).isEmpty();
    }
  }

  @Test
  void acceptsAnUnrelatedIrregularPin() {
    assertThat(check("385217", HOLDER).accepted()).isTrue();
    assertThat(check("385217", HOLDER).firstReason()).isEmpty();
    assertAccepted(PinContext.NONE, "385217", "902741", "617305");
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
  void refusesTheRegionsOwnInitialPinsFromItsProfile() {
    PinPolicyProfile profile =
        new PinPolicyProfile(
            "test",
            List.of("123456"),
            3,
            List.of(),
            List.of(
                new PinPolicyProfile.Region("44", List.of("802417"), OptionalInt.of(6)),
                new PinPolicyProfile.Region(
                    "4403", List.of(PinPolicyProfile.CARD_LAST6), OptionalInt.empty()),
                new PinPolicyProfile.Region(
                    "35", List.of(PinPolicyProfile.ID_LAST6), OptionalInt.of(8))));
    PinPolicy regional = new PinPolicy(profile);
    PinContext guangzhou = HOLDER.withRegion("440100");
    PinContext shenzhen = HOLDER.withRegion("440300").withCardNumber("K39274051");
    PinContext fujian =
        PinContext.NONE.withHolderIdNumber("35010219800101003X").withRegion("350100");
    assertThat(check(regional, "802417", guangzhou).firstReason())
        .hasValue(WeakPinReason.INITIAL_PIN);
    assertThat(check(regional, "802417", shenzhen).firstReason())
        .as("only the region of the longest matching prefix counts")
        .isEmpty();
    assertThat(check(regional, "274051", shenzhen).firstReason())
        .hasValue(WeakPinReason.INITIAL_PIN);
    assertThat(check(regional, "010030", fujian).firstReason()).hasValue(WeakPinReason.INITIAL_PIN);
    assertThat(check(regional, "802417", HOLDER.withRegion("110100")).accepted()).isTrue();
    assertThat(check(regional, "802417", HOLDER).firstReason())
        .as("unknown region: every region's initial PINs are refused")
        .hasValue(WeakPinReason.INITIAL_PIN);
    assertThat(profile.tryLimitFor(guangzhou.region())).isEqualTo(6);
    assertThat(profile.tryLimitFor(shenzhen.region())).isEqualTo(3);
    assertThat(profile.tryLimitFor(fujian.region())).isEqualTo(8);
    assertThat(profile.tryLimitFor(HOLDER.region())).isEqualTo(3);
  }

  @Test
  void refusesTheRegionsExtraKnownWeakPins() {
    PinPolicy regional =
        new PinPolicy(
            new PinPolicyProfile("test", List.of("123456"), 3, List.of("385217"), List.of()));
    assertThat(check(regional, "385217", HOLDER).reasons())
        .containsExactly(WeakPinReason.KNOWN_WEAK);
  }

  @Test
  void refusesAllSameDigits() {
    assertRefusedFirstFor(WeakPinReason.ALL_SAME, HOLDER, "777777", "000000");
  }

  @Test
  void refusesAscendingRunsIncludingWrappingOnes() {
    assertRefusedFirstFor(WeakPinReason.ASCENDING, HOLDER, "012345", "890123", "345678");
  }

  @Test
  void refusesDescendingRunsIncludingWrappingOnes() {
    assertRefusedFirstFor(WeakPinReason.DESCENDING, HOLDER, "654321", "210987", "876543");
  }

  @Test
  void refusesRepeatedPairsAndTriples() {
    assertRefusedFirstFor(
        WeakPinReason.REPEATED_PAIRS_OR_TRIPLES, HOLDER, "113355", "474747", "592592", "333999");
  }

  @Test
  void refusesFiveEqualDigits() {
    assertRefusedFirstFor(WeakPinReason.FIVE_EQUAL, HOLDER, "111112", "101111", "999939");
    assertThat(check("777777", HOLDER).reasons()).doesNotContain(WeakPinReason.FIVE_EQUAL);
  }

  @Test
  void refusesStepsOfTwoAndOneDigitOffThem() {
    assertRefusedFirstFor(WeakPinReason.STEP_OF_TWO, HOLDER, "246802", "864208", "135790");
    assertRefusedFor(WeakPinReason.STEP_OF_TWO, HOLDER, "135791", "975319");
  }

  @Test
  void refusesPalindromes() {
    assertRefusedFirstFor(WeakPinReason.PALINDROME, HOLDER, "321123", "180081", "905509");
  }

  @Test
  void refusesRunsWithOneDigitOff() {
    assertRefusedFirstFor(WeakPinReason.NEAR_RUN, HOLDER, "123457", "124456", "654320", "923456");
    assertThat(check("123456", HOLDER).reasons()).doesNotContain(WeakPinReason.NEAR_RUN);
  }

  @Test
  void refusesKeypadShapes() {
    assertRefusedFor(
        WeakPinReason.KEYPAD_PATTERN, HOLDER, "147258", "159357", "258025", "369147", "852741");
    assertRefusedFirstFor(WeakPinReason.KEYPAD_PATTERN, HOLDER, "741963", "580123", "085258");
  }

  @Test
  void refusesLoveAndLuckyNumbers() {
    assertRefusedFor(
        WeakPinReason.LOVE_OR_LUCKY_NUMBER, HOLDER, "520131", "521314", "131499", "168888");
    assertRefusedFirstFor(WeakPinReason.LOVE_OR_LUCKY_NUMBER, HOLDER, "131407", "689968", "168896");
  }

  @Test
  void refusesFamousDigitStrings() {
    assertRefusedFirstFor(WeakPinReason.FAMOUS_NUMBER, HOLDER, "314159", "142857", "271828");
    assertRefusedFor(WeakPinReason.FAMOUS_NUMBER, HOLDER, "112358");
  }

  @Test
  void refusesPinEqualToBirthDateInEveryDayMonthYearOrder() {
    PinContext holder =
        PinContext.forHolder(LocalDate.of(1986, 4, 12), "110101000000000000", "K31000001");
    for (String form :
        new String[] {
          "860412", "861204", "041286", "048612", "120486", "128604", "198604", "041986"
        }) {
      assertThat(check(form, holder).firstReason()).as(form).hasValue(WeakPinReason.BIRTH_DATE);
    }
  }

  @Test
  void refusesTheBirthDateInAnOld15DigitIdNumber() {
    PinContext old = PinContext.NONE.withHolderIdNumber("110101860412024");
    assertThat(check("120486", old).firstReason()).hasValue(WeakPinReason.BIRTH_DATE);
    assertThat(check("198604", old).firstReason()).hasValue(WeakPinReason.BIRTH_DATE);
  }

  @Test
  void refusesTheAgentsBirthDateToo() {
    assertThat(check("031190", WITH_AGENT).firstReason()).hasValue(WeakPinReason.BIRTH_DATE);
    assertThat(check("031190", HOLDER).accepted()).isTrue();
  }

  @Test
  void refusesRunsOfTheHoldersAndTheAgentsIdNumber() {
    assertThat(check("101198", HOLDER).firstReason()).hasValue(WeakPinReason.ID_NUMBER_RUN);
    assertThat(check("103721", WITH_AGENT).firstReason()).hasValue(WeakPinReason.ID_NUMBER_RUN);
    assertThat(check("103721", HOLDER).accepted()).isTrue();
  }

  @Test
  void refusesTheIdNumbersTailWithXReadAsZero() {
    assertThat(check("120243", HOLDER).reasons())
        .containsExactly(WeakPinReason.ID_NUMBER_TAIL, WeakPinReason.ID_NUMBER_RUN);
    assertThat(check("037210", WITH_AGENT).reasons()).containsExactly(WeakPinReason.ID_NUMBER_TAIL);
    assertThat(check("037210", HOLDER).accepted()).isTrue();
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
  void refusesDigitsOfThePhoneNumberWhenTheCounterKnowsIt() {
    PinContext phone = HOLDER.withPhone("+86 139-0751-8264");
    assertRefusedFirstFor(WeakPinReason.PHONE_NUMBER, phone, "518264", "907518", "613907");
    assertThat(check("518264", HOLDER).accepted()).isTrue();
  }

  @Test
  void refusesTheBankAccountsTailWhenTheCounterKnowsIt() {
    PinContext account = HOLDER.withBankAccount("6222 0212 3456 7803 916");
    assertThat(check("803916", account).reasons()).containsExactly(WeakPinReason.BANK_ACCOUNT_TAIL);
    assertThat(check("345678", account).reasons()).doesNotContain(WeakPinReason.BANK_ACCOUNT_TAIL);
    assertThat(check("803916", HOLDER).accepted()).isTrue();
  }

  @Test
  void refusesPopularPins() {
    assertRefusedFor(
        WeakPinReason.KNOWN_WEAK, HOLDER, "520520", "147258", "159753", "123321", "201314");
  }

  @Test
  void judgesWithoutAnyContextByTheDigitsAlone() {
    assertThat(check("123456", PinContext.NONE).firstReason()).hasValue(WeakPinReason.INITIAL_PIN);
    assertThat(check("860412", PinContext.NONE).accepted()).isTrue();
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
    assertThat(WeakPinReason.KEYPAD_PATTERN.wireKey()).isEqualTo("keypad_pattern");
  }

  @Test
  void profileRefusesListedPinsThatAreNotSixDigits() {
    assertThatThrownBy(() -> new PinPolicyProfile("x", List.of("12345"), 3, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PinPolicyProfile("x", List.of("123456"), 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contextNeverShowsPersonalDataInToString() {
    assertThat(
            WITH_AGENT.withPhone("13907518264").withBankAccount("6222021234567803916").toString())
        .doesNotContain("19860412")
        .doesNotContain("1986-04-12")
        .doesNotContain("19901103")
        .doesNotContain("518264")
        .doesNotContain("803916");
  }
}
