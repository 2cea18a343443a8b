package dev.pindesk.ports;

import dev.pindesk.domain.Pin;
import java.util.Objects;
import java.util.Optional;

/**
 * What a security module needs to protect one privileged PIN command with secure messaging — the
 * card-management service's call with serviceFlag 245: the key, the card's process random (a fresh
 * GET CHALLENGE answer, the MAC's initial vector), the command header the MAC covers, and, for a
 * PIN reload, the new PIN to encipher.
 *
 * <p>The PIN is borrowed: the caller owns and wipes it, the module never keeps it.
 *
 * @param key the card's secure-messaging key
 * @param processRandom the card's challenge for this command
 * @param header CLA INS P1 P2 Lc of the command the MAC covers (Lc includes the MAC)
 * @param newPin the PIN to encipher; empty for a MAC-only command (unblock)
 */
public record SecureMessagingRequest(
    CardKeyAddress key, byte[] processRandom, byte[] header, Optional<Pin> newPin) {

  public SecureMessagingRequest {
    Objects.requireNonNull(key, "key");
    processRandom = Objects.requireNonNull(processRandom, "processRandom").clone();
    header = Objects.requireNonNull(header, "header").clone();
    Objects.requireNonNull(newPin, "newPin");
    if (header.length != 5) {
      throw new IllegalArgumentException("header must be CLA INS P1 P2 Lc");
    }
  }

  @Override
  public byte[] processRandom() {
    return processRandom.clone();
  }

  @Override
  public byte[] header() {
    return header.clone();
  }

  /** Never the PIN. */
  @Override
  public String toString() {
    return "SecureMessagingRequest["
        + key
        + (newPin.isPresent() ? ", with a PIN block" : ", MAC only")
        + "]";
  }
}
