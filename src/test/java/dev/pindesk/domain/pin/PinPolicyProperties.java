package dev.pindesk.domain.pin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.Pin;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The policy against an independent oracle written with strings (the PINs here are synthetic test
 * data): for any PIN the reasons are exactly the rules it breaks, so an accepted PIN breaks none;
 * and every weak form derived from the context is refused for the right reason.
 */
class PinPolicyProperties {
  private static final Pattern REPEATS =
      Pattern.compile("(\\d)\\1(\\d)\\2(\\d)\\3|(\\d\\d)\\4\\4|(\\d{3})\\5|(\\d)\\6\\6(\\d)\\7\\7");
  private static final Pattern LUCKY_TRIPLE = Pattern.compile("168|[689]{3}");
  private static final List<String> DATE_FORMS =
      List.of("yyMMdd", "yyddMM", "MMddyy", "MMyydd", "ddMMyy", "ddyyMM", "yyyyMM", "MMyyyy");
  private static final List<String> LINES =
      List.of(
          "123", "456", "789", "147", "258", "369", "580", "159", "357", "321", "654", "987", "741",
          "852", "963", "085", "951", "753");
  private static final List<String> LOVE =
      List.of(
          "520131", "521131", "314520", "314521", "520520", "521521", "520521", "521520", "131452");

  private final PinPolicy policy = new PinPolicy();

  @Property(tries = 3000)
  void reasonsAreExactlyTheRulesThePinBreaks(
      @ForAll("pins") String pin, @ForAll("contexts") PinContext context) {
    assertThat(check(pin, context).reasons())
        .as(pin + " " + context)
        .containsExactlyElementsOf(oracle(pin, context));
  }

  @Property(tries = 300)
  void everyWeakFormIsRefusedForItsReason(
      @ForAll("contexts") PinContext context,
      @ForAll @IntRange(min = 0, max = 9) int a,
      @ForAll @IntRange(min = 0, max = 9) int b,
      @ForAll @IntRange(min = 0, max = 9) int c,
      @ForAll @IntRange(min = 0, max = 12) int offset,
      @ForAll @IntRange(min = 0, max = 7) int form) {
    expect(context, "" + a + a + a + a + a + a, WeakPinReason.ALL_SAME);
    expect(context, run(a, 1), WeakPinReason.ASCENDING);
    expect(context, run(a, 9), WeakPinReason.DESCENDING);
    expect(context, "" + a + a + b + b + c + c, WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    expect(context, ("" + a + b).repeat(3), WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    expect(context, ("" + a + b + c).repeat(2), WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    expect(context, "" + a + a + a + b + b + b, WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    expect(context, "" + a + b + c + c + b + a, WeakPinReason.PALINDROME);
    expect(context, run(a, 2), WeakPinReason.STEP_OF_TWO);
    expect(context, LINES.get(offset) + LINES.get(17 - offset), WeakPinReason.KEYPAD_PATTERN);
    if (a != b) {
      expect(context, withDigit(("" + a).repeat(6), offset % 6, b), WeakPinReason.FIVE_EQUAL);
      String ascending = run(c, 1);
      int at = offset % 6;
      if (ascending.charAt(at) - '0' != b) {
        expect(context, withDigit(ascending, at, b), WeakPinReason.NEAR_RUN);
      }
    }
    context
        .holderBirthDate()
        .ifPresent(
            birth ->
                expect(
                    context,
                    birth.format(DateTimeFormatter.ofPattern(DATE_FORMS.get(form))),
                    WeakPinReason.BIRTH_DATE));
    for (String id : context.idNumbers()) {
      String digits = id.substring(0, 17);
      expect(context, digits.substring(offset % 12, offset % 12 + 6), WeakPinReason.ID_NUMBER_RUN);
      expect(context, id.substring(12).replace('X', '0'), WeakPinReason.ID_NUMBER_TAIL);
    }
    context
        .cardNumber()
        .ifPresent(
            card ->
                expect(context, card.substring(card.length() - 6), WeakPinReason.CARD_NUMBER_TAIL));
    context
        .phoneNumber()
        .ifPresent(
            phone ->
                expect(
                    context,
                    phone.substring(offset % 6, offset % 6 + 6),
                    WeakPinReason.PHONE_NUMBER));
    context
        .bankAccount()
        .ifPresent(
            account ->
                expect(
                    context,
                    account.substring(account.length() - 6),
                    WeakPinReason.BANK_ACCOUNT_TAIL));
    expect(context, "1314" + a + b, WeakPinReason.LOVE_OR_LUCKY_NUMBER);
    expect(context, DigitPatterns.FAMOUS.get(offset), WeakPinReason.FAMOUS_NUMBER);
    expect(context, PinPolicy.knownWeak().get(offset), WeakPinReason.KNOWN_WEAK);
  }

  private void expect(PinContext context, String weak, WeakPinReason reason) {
    assertThat(check(weak, context).reasons()).as(weak).contains(reason);
  }

  private PinVerdict check(String digits, PinContext context) {
    try (Pin pin = Pin.of(digits.toCharArray())) {
      return policy.check(pin, context);
    }
  }

  private static String run(int start, int step) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append((start + i * step) % 10);
    }
    return sb.toString();
  }

  private static String withDigit(String s, int at, int digit) {
    return s.substring(0, at) + digit + s.substring(at + 1);
  }

  private static int distance(String a, String b) {
    int n = 0;
    for (int i = 0; i < a.length(); i++) {
      n += a.charAt(i) == b.charAt(i) ? 0 : 1;
    }
    return n;
  }

  private static int fewest(String pin, int... steps) {
    int fewest = 6;
    for (int step : steps) {
      for (int start = 0; start < 10; start++) {
        fewest = Math.min(fewest, distance(pin, run(start, step)));
      }
    }
    return fewest;
  }

  private static List<String> middleColumnWalks() {
    String forward = "2580".repeat(3);
    String backward = new StringBuilder(forward).reverse().toString();
    List<String> walks = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      walks.add(forward.substring(s, s + 6));
      walks.add(backward.substring(s, s + 6));
    }
    return walks;
  }

  static Set<WeakPinReason> oracle(String pin, PinContext context) {
    Set<WeakPinReason> out = EnumSet.noneOf(WeakPinReason.class);
    List<LocalDate> dates = new ArrayList<>();
    context.holderBirthDate().ifPresent(dates::add);
    for (String id : context.idNumbers()) {
      dates.add(LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE));
    }
    boolean birth =
        dates.stream()
            .anyMatch(
                d ->
                    DATE_FORMS.stream()
                        .anyMatch(f -> d.format(DateTimeFormatter.ofPattern(f)).equals(pin)));
    long maxCount =
        pin
            .chars()
            .boxed()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    c -> c, java.util.stream.Collectors.counting()))
            .values()
            .stream()
            .mapToLong(Long::longValue)
            .max()
            .orElse(0);
    String reversed = new StringBuilder(pin).reverse().toString();
    String first = pin.substring(0, 3);
    String second = pin.substring(3);
    if (pin.equals("123456")) out.add(WeakPinReason.INITIAL_PIN);
    if (maxCount == 6) out.add(WeakPinReason.ALL_SAME);
    if (fewest(pin, 1) == 0) out.add(WeakPinReason.ASCENDING);
    if (fewest(pin, 9) == 0) out.add(WeakPinReason.DESCENDING);
    if (REPEATS.matcher(pin).matches()) out.add(WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    if (maxCount == 5) out.add(WeakPinReason.FIVE_EQUAL);
    if (fewest(pin, 2, 8) <= 1) out.add(WeakPinReason.STEP_OF_TWO);
    if (reversed.equals(pin)) out.add(WeakPinReason.PALINDROME);
    if (fewest(pin, 1, 9) == 1) out.add(WeakPinReason.NEAR_RUN);
    if ((LINES.contains(first) && LINES.contains(second)) || middleColumnWalks().contains(pin)) {
      out.add(WeakPinReason.KEYPAD_PATTERN);
    }
    if (birth) out.add(WeakPinReason.BIRTH_DATE);
    if (context.idNumbers().stream()
        .anyMatch(id -> id.substring(12).replace('X', '0').equals(pin))) {
      out.add(WeakPinReason.ID_NUMBER_TAIL);
    }
    if (context.idNumbers().stream().anyMatch(id -> id.contains(pin))) {
      out.add(WeakPinReason.ID_NUMBER_RUN);
    }
    if (context.cardNumber().filter(c -> c.endsWith(pin)).isPresent()) {
      out.add(WeakPinReason.CARD_NUMBER_TAIL);
    }
    if (context.phoneNumber().filter(p -> p.replaceAll("\\D", "").contains(pin)).isPresent()) {
      out.add(WeakPinReason.PHONE_NUMBER);
    }
    if (context.bankAccount().filter(a -> a.replaceAll("\\D", "").endsWith(pin)).isPresent()) {
      out.add(WeakPinReason.BANK_ACCOUNT_TAIL);
    }
    if (pin.contains("1314")
        || LOVE.contains(pin)
        || (LUCKY_TRIPLE.matcher(first).matches() && LUCKY_TRIPLE.matcher(second).matches())) {
      out.add(WeakPinReason.LOVE_OR_LUCKY_NUMBER);
    }
    if (DigitPatterns.FAMOUS.contains(pin)) out.add(WeakPinReason.FAMOUS_NUMBER);
    if (PinPolicy.knownWeak().contains(pin)) out.add(WeakPinReason.KNOWN_WEAK);
    return out;
  }

  @Provide
  Arbitrary<String> pins() {
    Arbitrary<String> random = Arbitraries.strings().numeric().ofLength(6);
    Arbitrary<String> known = Arbitraries.of(PinPolicy.knownWeak());
    Arbitrary<String> famous = Arbitraries.of(DigitPatterns.FAMOUS);
    Arbitrary<String> keypad =
        Combinators.combine(Arbitraries.of(LINES), Arbitraries.of(LINES)).as(String::concat);
    Arbitrary<String> pattern = Arbitraries.of(LINES).map(l -> l + new StringBuilder(l).reverse());
    Arbitrary<String> lucky = Arbitraries.strings().withChars("1689").ofLength(6);
    return Arbitraries.frequencyOf(
        Tuple.of(8, random),
        Tuple.of(1, known),
        Tuple.of(1, famous),
        Tuple.of(1, keypad),
        Tuple.of(1, pattern),
        Tuple.of(1, lucky));
  }

  @Provide
  Arbitrary<PinContext> contexts() {
    Arbitrary<LocalDate> dates =
        Arbitraries.integers()
            .between(0, 80 * 365)
            .map(days -> LocalDate.of(1930, 1, 1).plusDays(days));
    Arbitrary<String> sequences =
        Combinators.combine(
                Arbitraries.strings().numeric().ofLength(3), Arbitraries.of("0", "5", "9", "X"))
            .as(String::concat);
    Arbitrary<String> holderIds =
        Combinators.combine(dates, sequences).as(PinPolicyProperties::idNumber);
    Arbitrary<String> cards =
        Arbitraries.strings().numeric().ofLength(7).map(digits -> "K3" + digits);
    Arbitrary<String> phones =
        Arbitraries.strings().numeric().ofLength(10).map(digits -> "1" + digits);
    Arbitrary<String> accounts = Arbitraries.strings().numeric().ofLength(19);
    Arbitrary<Boolean> flags = Arbitraries.of(true, false);
    Arbitrary<PinContext> base =
        Combinators.combine(dates, holderIds, cards, holderIds, flags)
            .as(
                (birth, id, card, agent, hasAgent) -> {
                  PinContext holder = PinContext.forHolder(birth, id, card);
                  return hasAgent ? holder.withAgent(agent) : holder;
                });
    return Combinators.combine(base, phones, accounts, flags, flags)
        .as(
            (context, phone, account, hasPhone, hasAccount) -> {
              PinContext c = hasPhone ? context.withPhone(phone) : context;
              return hasAccount ? c.withBankAccount(account) : c;
            });
  }

  /** An 18-character number with a real birth date; the check character need not be valid. */
  private static String idNumber(LocalDate birth, String sequence4) {
    return "110101" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence4;
  }
}
