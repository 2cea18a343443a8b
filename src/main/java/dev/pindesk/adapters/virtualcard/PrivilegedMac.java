package dev.pindesk.adapters.virtualcard;

import dev.pindesk.ports.MacRequest.MacPurpose;

/**
 * The MAC a virtual card expects on a privileged command (RESET / UNBLOCK). The default is {@link
 * TrainingCardMac}; tests of the card's own logic may supply a simpler one.
 */
@FunctionalInterface
public interface PrivilegedMac {

  /**
   * The 4-byte MAC over {@code macInput} (command header CLA INS P1 P2 Lc, then the new PIN block)
   * with the card's challenge as initial vector.
   */
  byte[] expected(MacPurpose purpose, byte[] challenge, byte[] macInput);
}
