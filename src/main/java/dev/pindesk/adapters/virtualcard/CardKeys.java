package dev.pindesk.adapters.virtualcard;

import dev.pindesk.ports.KeyPurpose;

/**
 * What a virtual card computes with its keys to check privileged commands. The default is {@link
 * TrainingCardKeys}; tests of the card's own logic may supply simpler ones.
 */
public interface CardKeys {

  /** The EXTERNAL AUTHENTICATE cryptogram the card expects for its {@code challenge}. */
  byte[] cryptogram(byte[] challenge);

  /**
   * The 4-byte MAC over {@code macInput} (command header CLA INS P1 P2 Lc, then the enciphered PIN
   * block if any) with the card's challenge as initial vector.
   */
  byte[] mac(KeyPurpose purpose, byte[] challenge, byte[] macInput);

  /** The plaintext of a 16-byte enciphered field (the PIN block); the caller wipes it. */
  byte[] decipher(KeyPurpose purpose, byte[] field);
}
