package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.FAKE_MAC;
import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.card;
import static dev.pindesk.adapters.virtualcard.TestCards.concat;
import static dev.pindesk.adapters.virtualcard.TestCards.data;
import static dev.pindesk.adapters.virtualcard.TestCards.gen3;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static dev.pindesk.adapters.virtualcard.TestCards.sw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.codec.Hex;
import dev.pindesk.ports.MacRequest.MacPurpose;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RESET and UNBLOCK with a stand-in MAC: challenge handling, MAC input, PIN state. The real
 * training MAC is covered by {@link VirtualSscCardPrivilegedTest}.
 */
class VirtualSscCardPrivilegedLogicTest {
  private static final byte[] RESET_HEADER = Hex.parse("805E000007");
  private static final byte[] UNBLOCK_HEADER = Hex.parse("8424000007");
  private static final byte[] NEW_PIN = Hex.parse("802417");

  @Test
  void getChallengeAnswersEightRandomBytes() {
    VirtualSscCard card = fresh(gen3());

    byte[] first = send(card, "0084000008");
    byte[] second = send(card, "0084000008");

    assertThat(sw(first)).isEqualTo("9000");
    assertThat(data(first)).hasSize(8).isNotEqualTo(data(second));
  }

  @Test
  void resetWithCorrectMacStoresNewPinAndRestoresTries() {
    VirtualSscCard card = fresh(gen3());
    send(card, "0020000003111111");

    assertThat(Hex.of(privileged(card, MacPurpose.RESET_PIN, RESET_HEADER, true)))
        .isEqualTo("9000");
    assertThat(card.isCurrentPin("802417".toCharArray())).isTrue();
    assertThat(card.pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void macCoversHeaderAsSentAndNewPinBlockWithChallengeAsIv() {
    List<byte[]> seen = new ArrayList<>();
    VirtualSscCard card =
        VirtualSscCard.builder(gen3())
            .files(TestCards.rawFiles(gen3()))
            .mac(
                (purpose, iv, input) -> {
                  seen.add(iv.clone());
                  seen.add(input.clone());
                  return FAKE_MAC.expected(purpose, iv, input);
                })
            .build();
    send(card, SELECT_SSSE);
    byte[] challenge = data(send(card, "0084000008"));
    send(card, concat(RESET_HEADER, NEW_PIN, Hex.parse("00000000")));

    assertThat(seen.get(0)).isEqualTo(challenge);
    assertThat(Hex.of(seen.get(1))).isEqualTo("805E000007802417");
  }

  @Test
  void resetWithWrongMacIsRefusedAndConsumesChallenge() {
    VirtualSscCard card = fresh(gen3());

    assertThat(Hex.of(privileged(card, MacPurpose.RESET_PIN, RESET_HEADER, false)))
        .isEqualTo("6988");
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
    assertThat(Hex.of(send(card, concat(RESET_HEADER, NEW_PIN, Hex.parse("00000000")))))
        .isEqualTo("6985");
  }

  @Test
  void challengeServesExactlyOnePrivilegedCommand() {
    VirtualSscCard card = fresh(gen3());
    byte[] challenge = data(send(card, "0084000008"));
    byte[] macInput = concat(RESET_HEADER, NEW_PIN);
    byte[] command = concat(macInput, FAKE_MAC.expected(MacPurpose.RESET_PIN, challenge, macInput));

    assertThat(Hex.of(send(card, command))).isEqualTo("9000");
    assertThat(Hex.of(send(card, command))).isEqualTo("6985");
  }

  @Test
  void privilegedCommandWithoutChallengeIsConditionsNotSatisfied() {
    VirtualSscCard card = fresh(gen3());

    assertThat(Hex.of(send(card, "805E000007802417AABBCCDD"))).isEqualTo("6985");
    assertThat(Hex.of(send(card, "8424000007802417AABBCCDD"))).isEqualTo("6985");
  }

  @Test
  void selectingTheApplicationAgainForgetsChallenge() {
    VirtualSscCard card = fresh(gen3());
    byte[] challenge = data(send(card, "0084000008"));
    send(card, SELECT_SSSE);
    byte[] macInput = concat(RESET_HEADER, NEW_PIN);

    byte[] r =
        send(card, concat(macInput, FAKE_MAC.expected(MacPurpose.RESET_PIN, challenge, macInput)));

    assertThat(Hex.of(r)).isEqualTo("6985");
  }

  @Test
  void resetOnBlockedCardPointsToUnblock() {
    VirtualSscCard card = fresh(gen3().withPin(gen3().pin().withTriesLeft(0)));

    assertThat(Hex.of(privileged(card, MacPurpose.RESET_PIN, RESET_HEADER, true)))
        .isEqualTo("6983");
  }

  @Test
  void unblockWithCorrectMacReactivatesPin() {
    VirtualSscCard card = fresh(gen3().withPin(gen3().pin().withTriesLeft(0)));

    assertThat(Hex.of(privileged(card, MacPurpose.UNBLOCK_PIN, UNBLOCK_HEADER, true)))
        .isEqualTo("9000");
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(card.pinTriesLeft()).isEqualTo(3);
    assertThat(Hex.of(send(card, "0020000003802417"))).isEqualTo("9000");
  }

  @Test
  void unblockWithWrongMacLeavesPinBlocked() {
    VirtualSscCard card = fresh(gen3().withPin(gen3().pin().withTriesLeft(0)));

    assertThat(Hex.of(privileged(card, MacPurpose.UNBLOCK_PIN, UNBLOCK_HEADER, false)))
        .isEqualTo("6988");
    assertThat(card.state()).isEqualTo(PinState.PIN_BLOCKED);
  }

  @Test
  void resetMacMustNotBeAcceptedForUnblock() {
    VirtualSscCard card = fresh(gen3().withPin(gen3().pin().withTriesLeft(0)));
    byte[] challenge = data(send(card, "0084000008"));
    byte[] macInput = concat(UNBLOCK_HEADER, NEW_PIN);

    byte[] r =
        send(card, concat(macInput, FAKE_MAC.expected(MacPurpose.RESET_PIN, challenge, macInput)));

    assertThat(Hex.of(r)).isEqualTo("6988");
  }

  @Test
  void newPinMustBeSixBcdDigits() {
    VirtualSscCard card = fresh(gen3());
    send(card, "0084000008");
    assertThat(Hex.of(send(card, "805E00000780241FAABBCCDD"))).isEqualTo("6A80");
    send(card, "0084000008");
    assertThat(Hex.of(send(card, "805E00000880241700AABBCCDD"))).isEqualTo("6A80");
    send(card, "0084000008");
    assertThat(Hex.of(send(card, "8424000003AABBCC"))).isEqualTo("6A80");
  }

  /** GET CHALLENGE, then the command with a correct (or deliberately wrong) stand-in MAC. */
  private static byte[] privileged(
      VirtualSscCard card, MacPurpose purpose, byte[] header, boolean correctMac) {
    byte[] challenge = data(send(card, "0084000008"));
    byte[] macInput = concat(header, NEW_PIN);
    byte[] mac = FAKE_MAC.expected(purpose, challenge, macInput);
    if (!correctMac) {
      mac[0] ^= 0x01;
    }
    return send(card, concat(macInput, mac));
  }

  private static VirtualSscCard fresh(VirtualCardSpec spec) {
    VirtualSscCard card = card(spec);
    send(card, SELECT_SSSE);
    return card;
  }
}
