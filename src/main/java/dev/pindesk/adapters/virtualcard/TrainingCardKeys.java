package dev.pindesk.adapters.virtualcard;

import dev.pindesk.crypto.CardCipher;
import dev.pindesk.crypto.CardMac;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Secrets;
import dev.pindesk.ports.KeyPurpose;

/**
 * The keys of a training card: the public training keys diversified from the card identification
 * code ({@link TrainingKeys}), used through {@link CardCipher} and {@link CardMac} — what the
 * training security module computes on the other side.
 */
public record TrainingCardKeys(CipherAlgorithm algorithm, int keyIndex, String cardIdCode)
    implements CardKeys {

  public static TrainingCardKeys forSpec(VirtualCardSpec spec) {
    return new TrainingCardKeys(spec.algorithm(), spec.keyIndex(), spec.card().cardIdCode());
  }

  @Override
  public byte[] cryptogram(byte[] challenge) {
    byte[] key = key(KeyPurpose.EXTERNAL_AUTHENTICATION);
    try {
      return CardCipher.cryptogram(algorithm, key, challenge);
    } finally {
      Secrets.wipe(key);
    }
  }

  @Override
  public byte[] mac(KeyPurpose purpose, byte[] challenge, byte[] macInput) {
    byte[] key = key(purpose);
    try {
      return CardMac.compute(algorithm, key, challenge, macInput);
    } finally {
      Secrets.wipe(key);
    }
  }

  @Override
  public byte[] decipher(KeyPurpose purpose, byte[] field) {
    byte[] key = key(purpose);
    try {
      return CardCipher.ecb(algorithm, key, field, false);
    } finally {
      Secrets.wipe(key);
    }
  }

  private byte[] key(KeyPurpose purpose) {
    return TrainingKeys.cardKey(purpose, keyIndex, algorithm, cardIdCode);
  }
}
