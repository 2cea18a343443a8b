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
import net.jqwik.api.constraints.IntRange;

/**
 * The policy against an independent oracle written with strings (the PINs here are synthetic test
 * data): for any PIN the reasons are exactly the rules it breaks, so an accepted PIN breaks none;
 * and every weak form derived from the context is refused for the right reason.
 */
class PinPolicyProperties {
  private static final Pattern REPEATS =
      Pattern.compile("(\\d)\\1(\\d)\\2(\\d)\\3|(\\d\\d)\\4\\4|(\\d{3})\\5|(\\d)\\6\\6(\\d)\\7\\7");
  private static final List<String> DATE_FORMS =
      List.of("yyMMdd", "MMddyy", "ddMMyy", "yyyyMM", "MMyyyy");

  private final PinPolicy policy = new PinPolicy();

  @Property(tries = 2000)
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
      @ForAll @IntRange(min = 0, max = 4) int form) {
    expect(context, "" + a + a + a + a + a + a, WeakPinReason.ALL_SAME);
    expect(context, run(a, 1), WeakPinReason.ASCENDING);
    expect(context, run(a, 9), WeakPinReason.DESCENDING);
    expect(context, "" + a + a + b + b + c + c, WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    expect(context, ("" + a + b).repeat(3), WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    expect(context, ("" + a + b + c).repeat(2), WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    expect(context, "" + a + a + a + b + b + b, WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    expect(
        context,
        context.holderBirthDate().format(DateTimeFormatter.ofPattern(DATE_FORMS.get(form))),
        WeakPinReason.BIRTH_DATE);
    for (String id : context.idNumbers()) {
      String digits = id.substring(0, 17);
      expect(context, digits.substring(offset % 12, offset % 12 + 6), WeakPinReason.ID_NUMBER_RUN);
    }
    String card = context.cardNumber();
    expect(context, card.substring(card.length() - 6), WeakPinReason.CARD_NUMBER_TAIL);
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

  static Set<WeakPinReason> oracle(String pin, PinContext context) {
    Set<WeakPinReason> out = EnumSet.noneOf(WeakPinReason.class);
    List<String> ascending = new ArrayList<>();
    List<String> descending = new ArrayList<>();
    for (int start = 0; start < 10; start++) {
      ascending.add(run(start, 1));
      descending.add(run(start, 9));
    }
    List<LocalDate> dates = new ArrayList<>(List.of(context.holderBirthDate()));
    for (String id : context.idNumbers()) {
      dates.add(LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE));
    }
    boolean birth =
        dates.stream()
            .anyMatch(
                d ->
                    DATE_FORMS.stream()
                        .anyMatch(f -> d.format(DateTimeFormatter.ofPattern(f)).equals(pin)));
    if (pin.equals("123456")) out.add(WeakPinReason.INITIAL_PIN);
    if (pin.chars().distinct().count() == 1) out.add(WeakPinReason.ALL_SAME);
    if (ascending.contains(pin)) out.add(WeakPinReason.ASCENDING);
    if (descending.contains(pin)) out.add(WeakPinReason.DESCENDING);
    if (REPEATS.matcher(pin).matches()) out.add(WeakPinReason.REPEATED_PAIRS_OR_TRIPLES);
    if (birth) out.add(WeakPinReason.BIRTH_DATE);
    if (context.idNumbers().stream().anyMatch(id -> id.contains(pin))) {
      out.add(WeakPinReason.ID_NUMBER_RUN);
    }
    if (context.cardNumber().endsWith(pin)) out.add(WeakPinReason.CARD_NUMBER_TAIL);
    if (PinPolicy.knownWeak().contains(pin)) out.add(WeakPinReason.KNOWN_WEAK);
    return out;
  }

  @Provide
  Arbitrary<String> pins() {
    Arbitrary<String> random = Arbitraries.strings().numeric().ofLength(6);
    Arbitrary<String> known = Arbitraries.of(PinPolicy.knownWeak());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, random), net.jqwik.api.Tuple.of(1, known));
  }

  @Provide
  Arbitrary<PinContext> contexts() {
    Arbitrary<LocalDate> dates =
        Arbitraries.integers()
            .between(0, 80 * 365)
            .map(days -> LocalDate.of(1930, 1, 1).plusDays(days));
    Arbitrary<String> sequences = Arbitraries.strings().numeric().ofLength(4);
    Arbitrary<String> holderIds =
        Combinators.combine(dates, sequences).as(PinPolicyProperties::idNumber);
    Arbitrary<String> cards =
        Arbitraries.strings().numeric().ofLength(7).map(digits -> "K3" + digits);
    Arbitrary<Boolean> withAgent = Arbitraries.of(true, false);
    return Combinators.combine(dates, holderIds, cards, holderIds, withAgent)
        .as(
            (birth, id, card, agent, hasAgent) -> {
              PinContext holder = PinContext.forHolder(birth, id, card);
              return hasAgent ? holder.withAgent(agent) : holder;
            });
  }

  /** An 18-character number with a real birth date; the check character need not be valid. */
  private static String idNumber(LocalDate birth, String sequence4) {
    return "110101" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence4;
  }
}
