package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.ports.MacRequest.MacPurpose;
import java.util.ArrayList;
import java.util.List;

/**
 * A key loaded in a {@link VirtualPsam}: addressed by INIT FOR DESCRYPT's P1 (key usage) and P2
 * (key version), holding the public training master key of {@code purpose}, {@code keyIndex} and
 * {@code algorithm} ({@code crypto.TrainingKeys}).
 */
public record VirtualPsamKey(
    int usage, int version, MacPurpose purpose, CipherAlgorithm algorithm, int keyIndex) {

  /**
   * The key slots of the generic PBOC-style profile ({@code pboc-psam-generic}): usage 28 / 29
   * (reset / unblock, 3DES), 48 / 49 (SM4), version = key index 1..3.
   */
  public static List<VirtualPsamKey> genericTraining() {
    List<VirtualPsamKey> keys = new ArrayList<>();
    for (int index = 1; index <= 3; index++) {
      keys.add(new VirtualPsamKey(0x28, index, MacPurpose.RESET_PIN, CipherAlgorithm.TDES, index));
      keys.add(
          new VirtualPsamKey(0x29, index, MacPurpose.UNBLOCK_PIN, CipherAlgorithm.TDES, index));
      keys.add(new VirtualPsamKey(0x48, index, MacPurpose.RESET_PIN, CipherAlgorithm.SM4, index));
      keys.add(new VirtualPsamKey(0x49, index, MacPurpose.UNBLOCK_PIN, CipherAlgorithm.SM4, index));
    }
    return List.copyOf(keys);
  }
}
