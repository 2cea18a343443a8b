package dev.pindesk.card;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.SecurityModule;
import java.util.Optional;

/**
 * How one card family sends a privileged PIN command (reset or unblock) with the security module's
 * help. Chosen by name from the card profile, so regions that differ are data.
 */
public interface ResetStrategy {

  /** Name used in card profiles. */
  String name();

  /**
   * Sends {@code command} for {@code purpose}.
   *
   * @param app the selected application of the card
   * @param card the snapshot read just before (card id code, ATR, profile, algorithm)
   * @param newPin the PIN to write, for a strategy that writes one
   * @throws CardException {@code AUTHENTICATION_FAILED} when the card refuses the MAC, {@code
   *     CARD_KEY_REFUSED} / {@code CARD_KEY_BLOCKED} when it refuses the key, {@code PIN_BLOCKED}
   *     when a reset meets a blocked PIN, security module errors
   */
  void send(
      SscApplication app,
      CardSnapshot card,
      CardProfile.PrivilegedCommand command,
      KeyPurpose purpose,
      Optional<Pin> newPin,
      SecurityModule module)
      throws CardException;
}
