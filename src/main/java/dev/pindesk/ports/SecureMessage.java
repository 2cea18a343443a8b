package dev.pindesk.ports;

import dev.pindesk.domain.Secrets;
import java.util.Objects;

/**
 * A security module's answer to a {@link SecureMessagingRequest}: the enciphered PIN block (empty
 * for a MAC-only command) and the MAC. The owner wipes it after sending.
 *
 * @param encipheredPinBlock the PIN block enciphered under the card's key
 * @param mac the MAC over the command header and the enciphered block
 */
public record SecureMessage(byte[] encipheredPinBlock, byte[] mac) {

  public SecureMessage {
    Objects.requireNonNull(encipheredPinBlock, "encipheredPinBlock");
    Objects.requireNonNull(mac, "mac");
  }

  /** Command data: the enciphered block followed by the MAC (a fresh array the caller wipes). */
  public byte[] commandData() {
    byte[] out = new byte[encipheredPinBlock.length + mac.length];
    System.arraycopy(encipheredPinBlock, 0, out, 0, encipheredPinBlock.length);
    System.arraycopy(mac, 0, out, encipheredPinBlock.length, mac.length);
    return out;
  }

  public void wipe() {
    Secrets.wipe(encipheredPinBlock, mac);
  }

  @Override
  public String toString() {
    return "SecureMessage[" + encipheredPinBlock.length + " + " + mac.length + " bytes]";
  }
}
