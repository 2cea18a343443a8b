package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.concat;
import static dev.pindesk.adapters.virtualcard.TestCards.data;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pindesk.crypto.CardMac;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.ports.MacRequest.MacPurpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RESET and UNBLOCK against the real training MAC ({@link CardMac} with {@link TrainingKeys}),
 * computed here the way the training security module does. Skipped (with a visible reason) until
 * the crypto work package replaces the stubs.
 */
class VirtualSscCardPrivilegedTest {

  @BeforeEach
  void requireTrainingCrypto() {
    assumeTrue(
        TestCards.trainingCryptoAvailable(),
        "CardMac / TrainingKeys are still stubs: runs once the crypto work package is merged");
  }

  @ParameterizedTest
  @ValueSource(strings = {"training-gen3-sm4.json", "training-gen2-tdes.json"})
  void resetWithTrainingMacStoresNewPin(String profile) {
    VirtualCardSpec spec =
        VirtualCardSpecs.loadResource(profile).withProtocol(CardProtocol.T1, GetResponseMode.NEVER);
    VirtualSscCard card = card(spec);

    byte[] r = privileged(card, spec, MacPurpose.RESET_PIN, "805E000007", false);

    assertThat(Hex.of(r)).isEqualTo("9000");
    assertThat(card.isCurrentPin("802417".toCharArray())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"training-gen3-sm4.json", "training-gen2-tdes.json"})
  void resetWithCorruptedTrainingMacIsRefused(String profile) {
    VirtualCardSpec spec =
        VirtualCardSpecs.loadResource(profile).withProtocol(CardProtocol.T1, GetResponseMode.NEVER);
    VirtualSscCard card = card(spec);

    assertThat(Hex.of(privileged(card, spec, MacPurpose.RESET_PIN, "805E000007", true)))
        .isEqualTo("6988");
  }

  @ParameterizedTest
  @ValueSource(strings = {"training-gen3-sm4.json", "training-gen2-tdes.json"})
  void unblockWithTrainingMacReactivatesPin(String profile) {
    VirtualCardSpec base =
        VirtualCardSpecs.loadResource(profile).withProtocol(CardProtocol.T1, GetResponseMode.NEVER);
    VirtualCardSpec spec = base.withPin(base.pin().withTriesLeft(0));
    VirtualSscCard card = card(spec);

    assertThat(Hex.of(privileged(card, spec, MacPurpose.UNBLOCK_PIN, "8424000007", false)))
        .isEqualTo("9000");
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"training-gen3-sm4.json", "training-gen2-tdes.json"})
  void unblockWithCorruptedTrainingMacIsRefused(String profile) {
    VirtualCardSpec base =
        VirtualCardSpecs.loadResource(profile).withProtocol(CardProtocol.T1, GetResponseMode.NEVER);
    VirtualCardSpec spec = base.withPin(base.pin().withTriesLeft(0));
    VirtualSscCard card = card(spec);

    assertThat(Hex.of(privileged(card, spec, MacPurpose.UNBLOCK_PIN, "8424000007", true)))
        .isEqualTo("6988");
    assertThat(card.state()).isEqualTo(PinState.PIN_BLOCKED);
  }

  /** A card with the default (training) MAC and test-encoded files. */
  private static VirtualSscCard card(VirtualCardSpec spec) {
    VirtualSscCard card = VirtualSscCard.builder(spec).files(TestCards.rawFiles(spec)).build();
    send(card, SELECT_SSSE);
    return card;
  }

  private static byte[] privileged(
      VirtualSscCard card,
      VirtualCardSpec spec,
      MacPurpose purpose,
      String header,
      boolean corrupt) {
    byte[] challenge = data(send(card, "0084000008"));
    byte[] macInput = concat(Hex.parse(header), Hex.parse("802417"));
    byte[] key =
        TrainingKeys.cardKey(purpose, spec.keyIndex(), spec.algorithm(), spec.card().cardIdCode());
    try {
      byte[] mac = CardMac.compute(spec.algorithm(), key, challenge, macInput);
      if (corrupt) {
        mac[3] ^= (byte) 0x80;
      }
      return send(card, concat(macInput, mac));
    } finally {
      Secrets.wipe(key);
    }
  }
}
