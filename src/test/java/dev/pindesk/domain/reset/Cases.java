package dev.pindesk.domain.reset;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.id.CitizenId;
import dev.pindesk.domain.id.IdDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** Shared values of the domain.reset tests: the training card's holder, an agent, a clock. */
final class Cases {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:03:04Z"), ZoneOffset.UTC);
  static final CitizenId HOLDER_ID = CitizenId.parse("110101198604120243", TODAY);
  static final CitizenId AGENT_ID = valid("11010519901103721");
  static final IdDocument HOLDER = new IdDocument(HOLDER_ID, LocalDate.of(2030, 1, 1), "李秀英");
  static final IdDocument AGENT = new IdDocument(AGENT_ID, LocalDate.MAX, "王强");

  private Cases() {}

  static CitizenId valid(String first17) {
    return CitizenId.parse(first17 + CitizenId.checkChar(first17), TODAY);
  }

  static CardInfo info(LocalDate expiry) {
    return new CardInfo(
        "110100D1560000050349B1A7C2E5F018",
        Optional.of("3"),
        "3.00",
        Optional.of("110100000001"),
        LocalDate.of(2021, 6, 18),
        expiry,
        "K31000001");
  }

  static CardHolder holder(String ssn, String name) {
    return new CardHolder(
        ssn, name, "2", Optional.of("01"), Optional.of("110101"), LocalDate.of(1986, 4, 12));
  }

  static CardFacts card(CardPinStatus pin) {
    return new CardFacts(
        info(LocalDate.of(2031, 6, 18)),
        holder(HOLDER_ID.value(), "李秀英"),
        pin,
        true,
        CipherAlgorithm.SM4);
  }
}
