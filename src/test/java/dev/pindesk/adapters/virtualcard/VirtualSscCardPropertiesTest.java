package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.card;
import static dev.pindesk.adapters.virtualcard.TestCards.gen3;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.codec.Hex;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class VirtualSscCardPropertiesTest {

  @Property(tries = 300)
  void everyCommandGetsAStatusWord(@ForAll @Size(max = 40) byte[] command) {
    VirtualSscCard card = card(gen3());
    send(card, SELECT_SSSE);

    byte[] response = send(card, command);

    assertThat(response.length).isGreaterThanOrEqualTo(2);
    assertThat(card.pinTriesLeft()).isBetween(0, 3);
  }

  @Property(tries = 50)
  void wrongEntriesCountDownFromMaxTries(
      @ForAll("maxTries") int maxTries, @ForAll @IntRange(min = 1, max = 8) int wrong) {
    VirtualSscCard card = card(gen3().withPin(PinSpec.active("123456".toCharArray(), maxTries)));
    String last = "";
    for (int i = 0; i < wrong; i++) {
      last = Hex.of(send(card, "0020000003000000"));
    }

    int left = Math.max(0, maxTries - wrong);
    String expected = wrong > maxTries ? "6983" : String.format("63C%X", left);
    assertThat(last).isEqualTo(expected);
    assertThat(card.pinTriesLeft()).isEqualTo(left);
    assertThat(card.state()).isEqualTo(left == 0 ? PinState.PIN_BLOCKED : PinState.ACTIVE);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> maxTries() {
    return net.jqwik.api.Arbitraries.of(3, 6, 8);
  }
}
