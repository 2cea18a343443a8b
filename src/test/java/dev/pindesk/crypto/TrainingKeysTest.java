package dev.pindesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.ports.KeyPurpose;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingKeysTest {
  private static final String CARD_ID = "440300D15600000501C2A3B4D5E6F708";

  private static final java.util.List<CipherAlgorithm> SOFTWARE =
      java.util.List.of(CipherAlgorithm.TDES, CipherAlgorithm.SM4);

  @Test
  void cardKeyIsTheDocumentedTrainingMasterKeyDiversified() {
    byte[] master =
        Arrays.copyOf(
            Sm3.digest(
                "PINDESK TRAINING MASTER KEY|RESET_PIN|1|SM4".getBytes(StandardCharsets.UTF_8)),
            16);

    byte[] cardKey = TrainingKeys.cardKey(KeyPurpose.RESET_PIN, 1, CipherAlgorithm.SM4, CARD_ID);

    assertThat(cardKey)
        .isEqualTo(KeyDiversification.diversify(CipherAlgorithm.SM4, master, CARD_ID));
  }

  @Test
  void cardKeysStayAsFirstReleased() {
    // No published source: the training key scheme is PinDesk's own. These values were
    // reproduced independently with the OpenSSL 3.0 command line (openssl dgst -sm3, then
    // enc -des-ede3-ecb / -sm4-ecb per the Javadoc). Changing them breaks every training card;
    // they changed once, when the card identification code became its 16 binary bytes.
    assertThat(Hex.of(TrainingKeys.cardKey(KeyPurpose.RESET_PIN, 1, CipherAlgorithm.TDES, CARD_ID)))
        .isEqualTo("8AF4E0D0259149B6655F78466D74B721");
    assertThat(
            Hex.of(TrainingKeys.cardKey(KeyPurpose.UNBLOCK_PIN, 2, CipherAlgorithm.SM4, CARD_ID)))
        .isEqualTo("871622015680D95C20B3D43C621D302A");
  }

  @Test
  void eachPurposeKeyIndexAndAlgorithmHasItsOwnKey() {
    Set<String> keys = new HashSet<>();
    for (KeyPurpose purpose : KeyPurpose.values()) {
      for (int keyIndex = 0; keyIndex < 4; keyIndex++) {
        for (CipherAlgorithm algorithm : SOFTWARE) {
          keys.add(Hex.of(TrainingKeys.cardKey(purpose, keyIndex, algorithm, CARD_ID)));
        }
      }
    }

    assertThat(keys).hasSize(KeyPurpose.values().length * 4 * 2);
  }

  @Test
  void rejectsMalformedCardIdCode() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> TrainingKeys.cardKey(KeyPurpose.RESET_PIN, 1, CipherAlgorithm.TDES, "12345"));
  }

  @Test
  void recognisesTrainingAtrByItsMarker() {
    byte[] atr = Hex.parse("3B8A8001" + Hex.of(TrainingKeys.ATR_MARKER) + "010203");

    assertThat(TrainingKeys.isTrainingCard(atr)).isTrue();
    assertThat(TrainingKeys.isTrainingCard(Hex.parse("3B6800000073C84000009000"))).isFalse();
    assertThat(TrainingKeys.isTrainingCard(new byte[0])).isFalse();
  }
}
