package dev.pindesk.domain.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CardRecordsPropertiesTest {

  private static Arbitrary<String> text(int maxLength) {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .ofMinLength(1)
        .ofMaxLength(maxLength)
        .filter(s -> !s.endsWith(" "));
  }

  private static Arbitrary<LocalDate> dates() {
    return Arbitraries.longs()
        .between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<CardInfo> cardInfos() {
    Arbitrary<String> codes = Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(32);
    return Combinators.combine(
            codes, text(1).optional(), text(4), text(12).optional(), dates(), dates(), text(9))
        .as(CardInfo::new);
  }

  @Provide
  Arbitrary<CardHolder> cardHolders() {
    Arbitrary<String> names =
        Arbitraries.strings()
            .withCharRange('\u4E00', '\u9FA5')
            .withChars('·', 'A', 'Z')
            .ofMinLength(1)
            .ofMaxLength(23); // up to 46 bytes: always fits 30 + 20
    return Combinators.combine(
            text(18),
            names,
            text(1),
            Arbitraries.integers().between(1, 99).map(i -> String.format("%02d", i)).optional(),
            Arbitraries.strings()
                .numeric()
                .ofMinLength(2)
                .ofMaxLength(6)
                .filter(s -> !s.matches("0+"))
                .optional(),
            dates())
        .as(CardHolder::new);
  }

  @Property
  void cardInfoRoundTrips(@ForAll("cardInfos") CardInfo info) {
    assertThat(CardInfo.decode(info.encode())).isEqualTo(info);
  }

  @Property
  void cardHolderRoundTrips(@ForAll("cardHolders") CardHolder holder) {
    assertThat(CardHolder.decode(holder.encode())).isEqualTo(holder);
  }

  @Property
  void cardHolderToStringNeverShowsTheFullSsnOrName(@ForAll("cardHolders") CardHolder holder) {
    String text = holder.toString();

    if (holder.ssn().length() >= 15) {
      assertThat(text).doesNotContain(holder.ssn());
    }
    if (holder.name().codePointCount(0, holder.name().length()) > 1) {
      assertThat(text).doesNotContain(holder.name());
    }
  }
}
