package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.card;
import static dev.pindesk.adapters.virtualcard.TestCards.gen3;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.codec.Hex;
import org.junit.jupiter.api.Test;

class VirtualSscCardFaultTest {

  @Test
  void removeFaultLeavesAfterAnsweringTheNthApdu() throws Exception {
    VirtualSscCard card = card(gen3().withFaults(FaultSpec.removeAfter(2)));

    send(card, SELECT_SSSE);
    assertThat(card.hasLeft()).isFalse();
    assertThat(Hex.of(card.process(Hex.parse("00200000")))).isEqualTo("63C3");
    assertThat(card.hasLeft()).isTrue();
    assertThatThrownBy(() -> card.process(Hex.parse("00200000")))
        .isInstanceOf(VirtualCardFault.Removed.class);
  }

  @Test
  void muteFaultStopsAnsweringAfterN() throws Exception {
    VirtualSscCard card = card(gen3().withFaults(FaultSpec.muteAfter(1)));

    card.process(Hex.parse(SELECT_SSSE));
    assertThatThrownBy(() -> card.process(Hex.parse("00200000")))
        .isInstanceOf(VirtualCardFault.Mute.class);
    assertThatThrownBy(() -> card.process(Hex.parse(SELECT_SSSE)))
        .isInstanceOf(VirtualCardFault.Mute.class);
    assertThat(card.apduCount()).isEqualTo(3);
  }

  @Test
  void garbageFaultAnswersSomethingThatIsNoResponseApdu() {
    VirtualSscCard card = card(gen3().withFaults(FaultSpec.garbageAfter(1)));

    assertThat(TestCards.sw(send(card, SELECT_SSSE))).isEqualTo("9000");
    assertThat(send(card, "00200000")).hasSize(1);
  }

  @Test
  void noFaultsByDefault() {
    VirtualSscCard card = card(gen3());
    for (int i = 0; i < 50; i++) {
      assertThat(Hex.of(send(card, "00200000"))).isEqualTo("63C3");
    }
    assertThat(card.apduCount()).isEqualTo(50);
    assertThat(card.hasLeft()).isFalse();
  }
}
