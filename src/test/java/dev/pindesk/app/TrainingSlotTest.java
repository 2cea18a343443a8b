package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.testing.TrainingCards;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrainingSlotTest {
  private static final String READER = "Training Reader";
  private static final String VERIFY_WRONG = "0020000003111111";

  private final InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
  private final AtomicInteger cardsMade = new AtomicInteger();
  private final TrainingSlot slot =
      new TrainingSlot(
          terminals,
          READER,
          () -> {
            cardsMade.incrementAndGet();
            return VirtualSscCard.fromSpec(TrainingCards.spec(TrainingCards.GEN3_SM4));
          });

  @Test
  void putsTheSameCardBackSoWhatWasDoneToItStays() throws Exception {
    slot.insert();
    assertThat(wrongVerify()).as("first wrong try").isEqualTo("63C2");

    slot.remove();
    assertThat(slot.inserted()).isFalse();
    slot.insert();

    assertThat(slot.inserted()).isTrue();
    assertThat(wrongVerify()).as("the try spent before is still spent").isEqualTo("63C1");
    assertThat(cardsMade).hasValue(1);
  }

  @Test
  void makesNoCardBeforeItIsFirstInserted() {
    assertThat(slot.inserted()).isFalse();
    assertThat(cardsMade).hasValue(0);
  }

  private String wrongVerify() throws Exception {
    try (CardConnection c = terminals.connect(READER)) {
      byte[] answer = c.transmit(Hex.parse(VERIFY_WRONG));
      return Hex.of(answer);
    }
  }
}
