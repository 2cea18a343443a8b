package dev.pindesk.ports;

/**
 * Which key of the card a security module uses. The names are stable: card and PSAM profiles and
 * the training key derivation refer to them.
 */
public enum KeyPurpose {
  /** EXTERNAL AUTHENTICATE ({@code 00 82}): the terminal proves it holds the card's key. */
  EXTERNAL_AUTHENTICATION,
  /** The secure-messaging key of the PIN reload (reset) command. */
  RESET_PIN,
  /** The secure-messaging key of the PIN unblock command (try counter only). */
  UNBLOCK_PIN
}
