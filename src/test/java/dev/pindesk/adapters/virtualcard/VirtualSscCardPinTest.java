package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.card;
import static dev.pindesk.adapters.virtualcard.TestCards.gen3;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.codec.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** VERIFY, the retry check and CHANGE PIN. */
class VirtualSscCardPinTest {
  private static final String VERIFY_INITIAL = "0020000003123456";
  private static final String VERIFY_WRONG = "0020000003111111";

  @Test
  void verifyOfCorrectPinSucceeds() {
    VirtualSscCard card = fresh();

    assertThat(Hex.of(send(card, VERIFY_INITIAL))).isEqualTo("9000");
    assertThat(card.pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void wrongPinCountsDownAndCorrectPinRestoresTries() {
    VirtualSscCard card = fresh();

    assertThat(Hex.of(send(card, VERIFY_WRONG))).isEqualTo("63C2");
    assertThat(Hex.of(send(card, VERIFY_WRONG))).isEqualTo("63C1");
    assertThat(Hex.of(send(card, VERIFY_INITIAL))).isEqualTo("9000");
    assertThat(card.pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void lastWrongTryBlocksThePin() {
    VirtualSscCard card = fresh();
    send(card, VERIFY_WRONG);
    send(card, VERIFY_WRONG);

    assertThat(Hex.of(send(card, VERIFY_WRONG))).isEqualTo("63C0");
    assertThat(card.state()).isEqualTo(PinState.PIN_BLOCKED);
    assertThat(Hex.of(send(card, VERIFY_INITIAL))).isEqualTo("6983");
    assertThat(Hex.of(send(card, "00200000"))).isEqualTo("6983");
  }

  @Test
  void eightTryCardCountsFromEight() {
    VirtualSscCard card = card(gen3().withPin(PinSpec.active("123456".toCharArray(), 8)));

    assertThat(Hex.of(send(card, VERIFY_WRONG))).isEqualTo("63C7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00200000", "0020000000"})
  void retryCheckReportsTriesWithoutCounting(String apdu) {
    VirtualSscCard card = fresh();
    send(card, VERIFY_WRONG);

    assertThat(Hex.of(send(card, apdu))).isEqualTo("63C2");
    assertThat(Hex.of(send(card, apdu))).isEqualTo("63C2");
    assertThat(card.pinTriesLeft()).isEqualTo(2);
  }

  @Test
  void retryCheckCostsATryWhenProfileSaysSo() {
    VirtualSscCard card = card(gen3().withRetryCheckCountsAsTry(true));

    assertThat(Hex.of(send(card, "00200000"))).isEqualTo("63C2");
    assertThat(Hex.of(send(card, "00200000"))).isEqualTo("63C1");
    assertThat(Hex.of(send(card, "00200000"))).isEqualTo("63C0");
    assertThat(card.state()).isEqualTo(PinState.PIN_BLOCKED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"002000000312345F", "00200000031234A6", "0020000002123F"})
  void malformedPinBlockIsWrongDataWithoutCounting(String apdu) {
    VirtualSscCard card = fresh();

    assertThat(Hex.of(send(card, apdu))).isEqualTo("6A80");
    assertThat(card.pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void cardStartingBlockedAnswersBlocked() {
    VirtualSscCard card = card(gen3().withPin(gen3().pin().withTriesLeft(0)));

    assertThat(card.state()).isEqualTo(PinState.PIN_BLOCKED);
    assertThat(Hex.of(send(card, VERIFY_INITIAL))).isEqualTo("6983");
  }

  @Test
  void changePinWithCorrectOldPinStoresNewPin() {
    VirtualSscCard card = fresh();

    assertThat(Hex.of(send(card, "805E010007123456FF802417"))).isEqualTo("9000");
    assertThat(card.isCurrentPin("802417".toCharArray())).isTrue();
    assertThat(Hex.of(send(card, "0020000003802417"))).isEqualTo("9000");
    assertThat(Hex.of(send(card, VERIFY_INITIAL))).isEqualTo("63C2");
  }

  @Test
  void changePinWithWrongOldPinCountsATry() {
    VirtualSscCard card = fresh();

    assertThat(Hex.of(send(card, "805E010007111111FF802417"))).isEqualTo("63C2");
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
  }

  @Test
  void changePinOnBlockedCardIsRefused() {
    VirtualSscCard card = card(gen3().withPin(gen3().pin().withState(PinState.PIN_BLOCKED)));

    assertThat(Hex.of(send(card, "805E010007123456FF802417"))).isEqualTo("6983");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "805E010007123456EE802417",
        "805E01000612345680241F",
        "805E010007123456FF80241F",
        "805E0100081234567FFF802417"
      })
  void changePinWithMalformedDataIsWrongData(String apdu) {
    VirtualSscCard card = fresh();

    assertThat(Hex.of(send(card, apdu))).isEqualTo("6A80");
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
  }

  @Test
  void lockedApplicationRefusesPinCommandsButStillReads() {
    VirtualSscCard card = card(gen3().withPin(gen3().pin().withState(PinState.LOCKED)));

    assertThat(Hex.of(send(card, VERIFY_INITIAL))).isEqualTo("9303");
    assertThat(Hex.of(send(card, "00200000"))).isEqualTo("9303");
    assertThat(Hex.of(send(card, "805E010007123456FF802417"))).isEqualTo("9303");
    assertThat(Hex.of(send(card, "8424000104AABBCCDD"))).isEqualTo("9303");
    assertThat(Hex.of(send(card, "8424000004AABBCCDD"))).isEqualTo("9303");
    assertThat(Hex.of(send(card, "0082000110" + "00".repeat(16)))).isEqualTo("9303");
    assertThat(Hex.of(send(card, "0084000008"))).isEqualTo("9303");
    assertThat(TestCards.sw(send(card, SELECT_SSSE))).isEqualTo("9000");
    assertThat(Hex.of(send(card, TestCards.SELECT_EF06))).isEqualTo("9000");
    assertThat(TestCards.sw(send(card, "00B2080000"))).isEqualTo("9000");
    assertThat(card.state()).isEqualTo(PinState.LOCKED);
  }

  @Test
  void isCurrentPinRejectsOtherShapes() {
    VirtualSscCard card = fresh();

    assertThat(card.isCurrentPin("12345".toCharArray())).isFalse();
    assertThat(card.isCurrentPin("12345a".toCharArray())).isFalse();
    assertThat(card.isCurrentPin("123457".toCharArray())).isFalse();
  }

  private static VirtualSscCard fresh() {
    VirtualSscCard card = card(gen3());
    send(card, SELECT_SSSE);
    return card;
  }
}
