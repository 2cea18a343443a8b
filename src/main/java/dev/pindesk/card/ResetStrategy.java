package dev.pindesk.card;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.MacRequest.MacPurpose;
import dev.pindesk.ports.SecurityModule;

/**
 * How one card family writes a PIN without the old one: a privileged command authenticated by the
 * security module. Chosen by name from the card profile, so regions that differ are data.
 */
public interface ResetStrategy {

  /** Name used in card profiles. */
  String name();

  /**
   * Writes {@code newPin} with the profile's reset or unlock command.
   *
   * @param app the selected application of the card
   * @param card the snapshot read just before (card id code, ATR, profile, algorithm)
   * @param purpose reset (forgotten PIN) or unblock (blocked PIN)
   * @throws CardException {@code AUTHENTICATION_FAILED} when the card refuses the MAC, {@code
   *     PIN_BLOCKED} when a reset meets a blocked PIN, security module errors
   */
  void write(
      SscApplication app, CardSnapshot card, MacPurpose purpose, Pin newPin, SecurityModule module)
      throws CardException;
}
