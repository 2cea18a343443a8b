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
  private static final String CARD_ID = "440300D156000005";

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
    // enc -des-ede-ecb / -sm4-ecb per the Javadoc). Changing them breaks every training card.
    assertThat(Hex.of(TrainingKeys.cardKey(KeyPurpose.RESET_PIN, 1, CipherAlgorithm.TDES, CARD_ID)))
        .isEqualTo("F734C16A7CF4B4069C07D95D6DEBF231");
    assertThat(
            Hex.of(TrainingKeys.cardKey(KeyPurpose.UNBLOCK_PIN, 2, CipherAlgorithm.SM4, CARD_ID)))
        .isEqualTo("C4A6935DFF381B2E2BFDF72FEE6F9EB0");
  }

  @Test
  void eachPurposeKeyIndexAndAlgorithmHasItsOwnKey() {
    Set<String> keys = new HashSet<>();
    for (KeyPurpose purpose : KeyPurpose.values()) {
      for (int keyIndex = 0; keyIndex < 4; keyIndex++) {
        for (CipherAlgorithm algorithm : CipherAlgorithm.values()) {
          keys.add(Hex.of(TrainingKeys.cardKey(purpose, keyIndex, algorithm, CARD_ID)));
        }
      }
    }

    assertThat(keys).hasSize(KeyPurpose.values().length * 4 * CipherAlgorithm.values().length);
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
