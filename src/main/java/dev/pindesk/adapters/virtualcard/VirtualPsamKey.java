package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.ports.KeyPurpose;
import java.util.ArrayList;
import java.util.List;

/**
 * A key loaded in a {@link VirtualPsam}: addressed by INIT FOR DESCRYPT's P1 (key usage) and P2
 * (key version), holding the public training master key of {@code purpose}, {@code keyIndex} and
 * {@code algorithm} ({@code crypto.TrainingKeys}).
 */
public record VirtualPsamKey(
    int usage, int version, KeyPurpose purpose, CipherAlgorithm algorithm, int keyIndex) {

  /**
   * The key slots of the generic PBOC-style profile ({@code pboc-psam-generic}): usage 27 / 28 / 29
   * (external authentication / reset / unblock, 3DES), 47 / 48 / 49 (SM4), version = key index
   * 1..3.
   */
  public static List<VirtualPsamKey> genericTraining() {
    List<VirtualPsamKey> keys = new ArrayList<>();
    for (int index = 1; index <= 3; index++) {
      keys.add(
          new VirtualPsamKey(
              0x27, index, KeyPurpose.EXTERNAL_AUTHENTICATION, CipherAlgorithm.TDES, index));
      keys.add(
          new VirtualPsamKey(
              0x47, index, KeyPurpose.EXTERNAL_AUTHENTICATION, CipherAlgorithm.SM4, index));
      keys.add(new VirtualPsamKey(0x28, index, KeyPurpose.RESET_PIN, CipherAlgorithm.TDES, index));
      keys.add(
          new VirtualPsamKey(0x29, index, KeyPurpose.UNBLOCK_PIN, CipherAlgorithm.TDES, index));
      keys.add(new VirtualPsamKey(0x48, index, KeyPurpose.RESET_PIN, CipherAlgorithm.SM4, index));
      keys.add(new VirtualPsamKey(0x49, index, KeyPurpose.UNBLOCK_PIN, CipherAlgorithm.SM4, index));
    }
    return List.copyOf(keys);
  }
}
