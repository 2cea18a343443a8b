package dev.pindesk.ports;

import dev.pindesk.domain.error.CardException;

/**
 * A PSAM card or certified encryption machine holding the keys of the national key system, or the
 * training module with software training keys. PinDesk never holds issuer master keys outside
 * training mode.
 *
 * <p>The operations are shaped after what a province's card-management service offers a counter
 * whose reader has no PSAM (the national read/write interface's HSM path): serviceFlag 244 answers
 * the card's external authentication, serviceFlag 245 protects a PIN command with secure messaging.
 * A client of such a service, a PSAM and the training module all fit this port.
 */
public interface SecurityModule {

  /** Human-readable identity for status displays and logs (no key material). */
  String description();

  /** True for the training module: it only ever serves virtual training cards. */
  boolean isTraining();

  /**
   * The cryptogram of EXTERNAL AUTHENTICATE over the card's challenge (serviceFlag 244).
   *
   * @return the cryptogram (16 bytes for the profiles PinDesk ships)
   * @throws CardException {@code SECURITY_MODULE_UNAVAILABLE} when the module cannot be reached,
   *     {@code SECURITY_MODULE_REFUSED} when it refuses this card, {@code
   *     SECURITY_MODULE_KEY_MISSING} when it lacks the key, {@code SECURITY_MODULE_UNSUPPORTED}
   *     when it cannot do this operation at all
   */
  byte[] externalAuthentication(ExternalAuthRequest request) throws CardException;

  /**
   * The enciphered PIN block (when the request carries a PIN) and the MAC of a privileged PIN
   * command (serviceFlag 245).
   *
   * @throws CardException as {@link #externalAuthentication}
   */
  SecureMessage secureMessaging(SecureMessagingRequest request) throws CardException;
}
