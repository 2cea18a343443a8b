package dev.pindesk.service.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.SscCardReader;
import dev.pindesk.domain.reset.BoundCard;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.testing.TrainingCards;
import org.junit.jupiter.api.Test;

class CardSwapGuardTest {
  private final Counter counter = new Counter();
  private final SscCardReader reader = new SscCardReader(CardProfiles.builtIn());

  private CardSnapshot read() throws Exception {
    try (CardConnection c = counter.cards.connect(Counter.READER)) {
      return reader.read(c, ApduTracer.NONE);
    }
  }

  @Test
  void theSameCardPasses() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    CardSnapshot s = read();
    BoundCard bound = new BoundCard(s.info().cardIdCode(), s.holder().ssn());
    try (CardConnection c = counter.cards.connect(Counter.READER)) {
      assertThat(new CardSwapGuard(reader).reread(c, bound).info().cardIdCode())
          .isEqualTo("110100D1560000050349B1A7C2E5F018");
    }
  }

  @Test
  void aDifferentIdentificationCodeOrSsnIsASwap() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    CardSnapshot s = read();
    assertThat(
            CardSwapGuard.isSameCard(
                new BoundCard("110100D15600000599A1B2C3D4E5F607", s.holder().ssn()), s))
        .isFalse();
    assertThat(CardSwapGuard.isSameCard(new BoundCard(s.info().cardIdCode(), "X"), s)).isFalse();
    try (CardConnection c = counter.cards.connect(Counter.READER)) {
      assertThatThrownBy(
              () ->
                  new CardSwapGuard(reader)
                      .reread(
                          c, new BoundCard("110100D15600000599A1B2C3D4E5F607", s.holder().ssn())))
          .isInstanceOf(CardSwappedException.class)
          .hasMessageStartingWith("card_swapped")
          .hasMessageNotContaining(s.holder().ssn());
    }
  }
}
