package dev.pindesk.ports;

import dev.pindesk.domain.error.CardException;

/**
 * A PSAM card or certified encryption machine holding the keys of the national key system, or the
 * training module with software training keys. PinDesk never holds issuer master keys outside
 * training mode.
 */
public interface SecurityModule {

  /** Human-readable identity for status displays and logs (no key material). */
  String description();

  /** True for the training module: it only ever serves virtual training cards. */
  boolean isTraining();

  /**
   * Computes the 4-byte MAC for a privileged command with the key diversified from the card
   * identification code.
   *
   * @throws CardException {@code SECURITY_MODULE_UNAVAILABLE} when the module cannot be reached,
   *     {@code SECURITY_MODULE_REFUSED} when it refuses this card or key
   */
  byte[] mac(MacRequest request) throws CardException;
}
