package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_EF06;
import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.concat;
import static dev.pindesk.adapters.virtualcard.TestCards.data;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static dev.pindesk.adapters.virtualcard.TestCards.sw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.crypto.CardCipher;
import dev.pindesk.crypto.CardMac;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.ports.KeyPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * External authentication, reset ({@code 84 24 00 01}) and unblock ({@code 84 24 00 00}) against
 * the training keys ({@link CardCipher}, {@link CardMac}, {@link TrainingKeys}), computed here the
 * way the training security module does.
 */
class VirtualSscCardPrivilegedTest {
  private static final String NEW_PIN = "385217";

  @ParameterizedTest
  @ValueSource(strings = {"training-gen3-sm4.json", "training-gen2-tdes.json"})
  void resetAfterExternalAuthenticationStoresTheNewPin(String profile) {
    VirtualCardSpec spec = spec(profile);
    VirtualSscCard card = card(spec);

    assertThat(authenticate(card, spec, false)).isEqualTo("9000");
    assertThat(reset(card, spec, NEW_PIN, false)).isEqualTo("9000");
    assertThat(card.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
    assertThat(card.pinTriesLeft()).isEqualTo(spec.pin().maxTries());
  }

  @Test
  void resetWithoutExternalAuthenticationIsRefusedWith6982() {
    VirtualCardSpec spec = spec("training-gen3-sm4.json");
    VirtualSscCard card = card(spec);

    assertThat(reset(card, spec, NEW_PIN, false)).isEqualTo("6982");
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
  }

  @Test
  void reselectingTheApplicationForgetsTheAuthentication() {
    VirtualCardSpec spec = spec("training-gen3-sm4.json");
    VirtualSscCard card = card(spec);
    authenticate(card, spec, false);
    send(card, SELECT_SSSE);

    assertThat(reset(card, spec, NEW_PIN, false)).isEqualTo("6982");
  }

  @Test
  void resetWithACorruptedMacIsRefusedAndKeepsThePin() {
    VirtualCardSpec spec = spec("training-gen3-sm4.json");
    VirtualSscCard card = card(spec);
    authenticate(card, spec, false);

    assertThat(reset(card, spec, NEW_PIN, true)).isEqualTo("6988");
    assertThat(card.isCurrentPin("123456".toCharArray())).isTrue();
  }

  @Test
  void aWrongCryptogramCostsATryOfTheKeyAndTheLastBlocksIt() {
    VirtualCardSpec spec = spec("training-gen3-sm4.json");
    VirtualSscCard card = card(spec);

    assertThat(authenticate(card, spec, true)).isEqualTo("63C2");
    assertThat(authenticate(card, spec, true)).isEqualTo("63C1");
    assertThat(authenticate(card, spec, true)).isEqualTo("6983");
    assertThat(authenticate(card, spec, false)).isEqualTo("6983");
    assertThat(card.keyTriesLeft()).isZero();
    assertThat(card.pinTriesLeft()).as("the PIN's tries are not touched").isEqualTo(3);
  }

  @Test
  void aGoodCryptogramRestoresTheKeysTries() {
    VirtualCardSpec spec = spec("training-gen3-sm4.json");
    VirtualSscCard card = card(spec);
    authenticate(card, spec, true);

    assertThat(authenticate(card, spec, false)).isEqualTo("9000");
    assertThat(card.keyTriesLeft()).isEqualTo(3);
  }

  @Test
  void theChallengeServesOneCommandOnly() {
    VirtualCardSpec spec = spec("training-gen3-sm4.json");
    VirtualSscCard card = card(spec);
    byte[] challenge = data(send(card, "0084000008"));
    byte[] cryptogram = cryptogram(spec, challenge);
    String command = "0082000110" + Hex.of(cryptogram);

    assertThat(sw(send(card, command))).isEqualTo("9000");
    assertThat(sw(send(card, command))).isEqualTo("6985");
  }

  @Test
  void anUnknownKeyNumberIsNotFound() {
    VirtualCardSpec spec = spec("training-gen3-sm4.json");
    VirtualSscCard card = card(spec);
    send(card, "0084000008");

    assertThat(sw(send(card, "0082000910" + "00".repeat(16)))).isEqualTo("6A88");
  }

  @ParameterizedTest
  @ValueSource(strings = {"training-gen3-sm4.json", "training-gen2-tdes.json"})
  void unblockRestoresTheTriesAndKeepsTheOldPin(String profile) {
    VirtualCardSpec base = spec(profile);
    VirtualCardSpec spec =
        base.withPin(base.pin().withTriesLeft(0).withState(PinState.PIN_BLOCKED));
    VirtualSscCard card = card(spec);

    assertThat(unblock(card, spec, false)).isEqualTo("9000");
    assertThat(card.state()).isEqualTo(PinState.ACTIVE);
    assertThat(card.pinTriesLeft()).isEqualTo(spec.pin().maxTries());
    assertThat(card.isCurrentPin(spec.pin().initial())).as("the old PIN stays").isTrue();
  }

  @Test
  void unblockWithACorruptedMacIsRefused() {
    VirtualCardSpec base = spec("training-gen2-tdes.json");
    VirtualCardSpec spec =
        base.withPin(base.pin().withTriesLeft(0).withState(PinState.PIN_BLOCKED));
    VirtualSscCard card = card(spec);

    assertThat(unblock(card, spec, true)).isEqualTo("6988");
    assertThat(card.state()).isEqualTo(PinState.PIN_BLOCKED);
  }

  @Test
  void resetOfABlockedPinNeedsTheUnblockFirstUnlessTheCardsResetRestoresTries() {
    VirtualCardSpec base = spec("training-gen3-sm4.json");
    VirtualCardSpec blocked =
        base.withPin(base.pin().withTriesLeft(0).withState(PinState.PIN_BLOCKED));
    VirtualSscCard card = card(blocked);
    authenticate(card, blocked, false);
    assertThat(reset(card, blocked, NEW_PIN, false)).isEqualTo("6983");

    VirtualCardSpec restoring = blocked.withResetRestoresTries(true);
    VirtualSscCard other = card(restoring);
    authenticate(other, restoring, false);
    assertThat(reset(other, restoring, NEW_PIN, false)).isEqualTo("9000");
    assertThat(other.state()).isEqualTo(PinState.ACTIVE);
    assertThat(other.isCurrentPin(NEW_PIN.toCharArray())).isTrue();
  }

  @Test
  void aProtectedHolderFileOpensAfterExternalAuthentication() {
    VirtualCardSpec spec = spec("training-gen3-sm4.json").withEf06NeedsAuthentication(true);
    VirtualSscCard card = card(spec);
    send(card, SELECT_EF06);
    assertThat(sw(send(card, "00B2080000"))).isEqualTo("6982");

    authenticate(card, spec, false);
    send(card, SELECT_EF06);
    assertThat(sw(send(card, "00B2080000"))).isEqualTo("9000");
  }

  private static VirtualCardSpec spec(String profile) {
    return VirtualCardSpecs.loadResource(profile)
        .withProtocol(CardProtocol.T1, GetResponseMode.NEVER);
  }

  /** A card with the default (training) keys and test-encoded files, application selected. */
  private static VirtualSscCard card(VirtualCardSpec spec) {
    VirtualSscCard card = VirtualSscCard.builder(spec).files(TestCards.rawFiles(spec)).build();
    send(card, SELECT_SSSE);
    return card;
  }

  private static String authenticate(VirtualSscCard card, VirtualCardSpec spec, boolean wrong) {
    byte[] challenge = data(send(card, "0084000008"));
    byte[] cryptogram = cryptogram(spec, challenge);
    if (wrong) {
      cryptogram[0] ^= 0x01;
    }
    return sw(send(card, "00820001" + "10" + Hex.of(cryptogram)));
  }

  private static byte[] cryptogram(VirtualCardSpec spec, byte[] challenge) {
    byte[] key = key(spec, KeyPurpose.EXTERNAL_AUTHENTICATION);
    try {
      return CardCipher.cryptogram(spec.algorithm(), key, challenge);
    } finally {
      Secrets.wipe(key);
    }
  }

  private static String reset(
      VirtualSscCard card, VirtualCardSpec spec, String pin, boolean corrupt) {
    byte[] challenge = data(send(card, "0084000008"));
    byte[] header = Hex.parse("8424000114");
    byte[] key = key(spec, KeyPurpose.RESET_PIN);
    try {
      byte[] block = CardCipher.encipherPinBlock(spec.algorithm(), key, 6, Hex.parse(pin));
      byte[] mac = CardMac.compute(spec.algorithm(), key, challenge, concat(header, block));
      if (corrupt) {
        mac[3] ^= (byte) 0x80;
      }
      return sw(send(card, concat(header, block, mac)));
    } finally {
      Secrets.wipe(key);
    }
  }

  private static String unblock(VirtualSscCard card, VirtualCardSpec spec, boolean corrupt) {
    byte[] challenge = data(send(card, "0084000008"));
    byte[] header = Hex.parse("8424000004");
    byte[] key = key(spec, KeyPurpose.UNBLOCK_PIN);
    try {
      byte[] mac = CardMac.compute(spec.algorithm(), key, challenge, header);
      if (corrupt) {
        mac[3] ^= (byte) 0x80;
      }
      return sw(send(card, concat(header, mac)));
    } finally {
      Secrets.wipe(key);
    }
  }

  private static byte[] key(VirtualCardSpec spec, KeyPurpose purpose) {
    return TrainingKeys.cardKey(
        purpose, spec.keyIndex(), spec.algorithm(), spec.card().cardIdCode());
  }
}
