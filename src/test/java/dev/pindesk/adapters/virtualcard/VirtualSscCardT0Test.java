package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_EF05;
import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.card;
import static dev.pindesk.adapters.virtualcard.TestCards.gen2;
import static dev.pindesk.adapters.virtualcard.TestCards.gen3;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static dev.pindesk.adapters.virtualcard.TestCards.sw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.codec.Hex;
import org.junit.jupiter.api.Test;

/** T=0 transport quirks: {@code 61 xx} / GET RESPONSE, and case-4 commands without Le. */
class VirtualSscCardT0Test {
  private static final String FCI_TDES = "6F19840F7378312E73682EC9E7BBE1B1A3D5CFA5069F0C03860101";

  @Test
  void case4SelectAnswersBytesAvailableThenGetResponseFetchesFci() {
    VirtualSscCard card = card(gen2());

    assertThat(Hex.of(send(card, SELECT_SSSE))).isEqualTo("611B");
    assertThat(Hex.of(send(card, "00C000001B"))).isEqualTo(FCI_TDES + "9000");
  }

  @Test
  void case4SelectWithTrailingLeBehavesTheSame() {
    VirtualSscCard card = card(gen2());

    assertThat(Hex.of(send(card, SELECT_SSSE + "00"))).isEqualTo("611B");
  }

  @Test
  void getResponseWithWrongLengthAnswersExactLengthAndKeepsData() {
    VirtualSscCard card = card(gen2());
    send(card, SELECT_SSSE);

    assertThat(Hex.of(send(card, "00C0000010"))).isEqualTo("6C1B");
    assertThat(Hex.of(send(card, "00C000001B"))).isEqualTo(FCI_TDES + "9000");
  }

  @Test
  void getResponseIsOneShot() {
    VirtualSscCard card = card(gen2());
    send(card, SELECT_SSSE);
    send(card, "00C000001B");

    assertThat(Hex.of(send(card, "00C000001B"))).isEqualTo("6985");
  }

  @Test
  void anotherCommandDiscardsUnfetchedData() {
    VirtualSscCard card = card(gen2());
    send(card, SELECT_SSSE);
    send(card, SELECT_EF05);

    assertThat(Hex.of(send(card, "00C000001B"))).isEqualTo("6985");
  }

  @Test
  void getResponseWithWrongParametersIsRejected() {
    VirtualSscCard card = card(gen2());
    send(card, SELECT_SSSE);

    assertThat(Hex.of(send(card, "00C0010018"))).isEqualTo("6A86");
  }

  @Test
  void case4ModeAnswersCase2CommandsDirectly() {
    VirtualSscCard card = card(gen2());
    send(card, SELECT_SSSE);
    send(card, SELECT_EF05);

    assertThat(sw(send(card, "00B2010000"))).isEqualTo("9000");
    assertThat(sw(send(card, "0084000008"))).isEqualTo("9000");
  }

  @Test
  void alwaysModeRoutesEveryDataAnswerThroughGetResponse() {
    VirtualSscCard card = card(gen2().withProtocol(CardProtocol.T0, GetResponseMode.ALWAYS));
    send(card, SELECT_SSSE);
    send(card, "00C000001B");
    assertThat(Hex.of(send(card, SELECT_EF05))).isEqualTo("9000");

    assertThat(Hex.of(send(card, "00B2010000"))).isEqualTo("6112");
    byte[] r = send(card, "00C0000012");
    assertThat(sw(r)).isEqualTo("9000");
    assertThat(r).hasSize(20);
    assertThat(Hex.of(send(card, "0084000008"))).isEqualTo("6108");
    assertThat(send(card, "00C0000000")).hasSize(10);
  }

  @Test
  void alwaysModeKeepsChallengeAcrossGetResponse() {
    VirtualSscCard card = card(gen2().withProtocol(CardProtocol.T0, GetResponseMode.ALWAYS));
    send(card, SELECT_SSSE);
    send(card, "0084000008");
    send(card, "00C0000008");

    assertThat(Hex.of(send(card, "8424000004AABBCCDD"))).isEqualTo("6988");
  }

  @Test
  void alwaysModeAnswersStatusOnlyResultsDirectly() {
    VirtualSscCard card = card(gen2().withProtocol(CardProtocol.T0, GetResponseMode.ALWAYS));
    send(card, SELECT_SSSE);
    send(card, SELECT_EF05);

    assertThat(Hex.of(send(card, "00B2010005"))).isEqualTo("6C12");
    assertThat(Hex.of(send(card, "0020000003111111"))).isEqualTo("63C5");
  }

  @Test
  void neverModeAnswersDataDirectlyOnT0() {
    VirtualSscCard card = card(gen2().withProtocol(CardProtocol.T0, GetResponseMode.NEVER));

    assertThat(Hex.of(send(card, SELECT_SSSE))).isEqualTo(FCI_TDES + "9000");
  }

  @Test
  void t1ProfilesCannotAskForGetResponse() {
    assertThatThrownBy(() -> gen3().withProtocol(CardProtocol.T1, GetResponseMode.CASE4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("T0");
  }
}
