package dev.pindesk.adapters.virtualcard;

import dev.pindesk.crypto.CardMac;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Secrets;
import dev.pindesk.ports.MacRequest.MacPurpose;

/**
 * The MAC a training card expects: {@link CardMac} with the training key diversified from the card
 * identification code — what the training security module computes on the other side.
 */
public record TrainingCardMac(CipherAlgorithm algorithm, int keyIndex, String cardIdCode)
    implements PrivilegedMac {

  public static TrainingCardMac forSpec(VirtualCardSpec spec) {
    return new TrainingCardMac(spec.algorithm(), spec.keyIndex(), spec.card().cardIdCode());
  }

  @Override
  public byte[] expected(MacPurpose purpose, byte[] challenge, byte[] macInput) {
    byte[] key = TrainingKeys.cardKey(purpose, keyIndex, algorithm, cardIdCode);
    try {
      return CardMac.compute(algorithm, key, challenge, macInput);
    } finally {
      Secrets.wipe(key);
    }
  }
}
