package dev.pindesk.service.reset;

import dev.pindesk.card.ApduChannel;
import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.ResetStrategies;
import dev.pindesk.card.SscApplication;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.MacRequest.MacPurpose;
import dev.pindesk.ports.SecurityModule;
import java.util.Optional;

/**
 * The one card write of a case, per service: the profile's privileged reset or unblock command (MAC
 * from the security module), or CHANGE PIN from the card's current PIN the citizen typed. There is
 * no default current PIN: a change without one is a caller's error, never a guess at 123456 (which
 * would spend one of the card's tries).
 */
final class PinWriter {
  private final SecurityModule module;

  PinWriter(SecurityModule module) {
    this.module = module;
  }

  /**
   * Writes {@code newPin} to the card on {@code connection} in one exclusive transaction.
   *
   * @param oldPin the card's current PIN: required for {@code CHANGE_INITIAL}, unused otherwise
   * @throws IllegalArgumentException for {@code CHANGE_INITIAL} without {@code oldPin}; nothing is
   *     sent to the card
   */
  void write(
      ServiceKind service,
      CardConnection connection,
      CardSnapshot card,
      Optional<Pin> oldPin,
      Pin newPin)
      throws CardException {
    if (service == ServiceKind.CHANGE_INITIAL && oldPin.isEmpty()) {
      throw new IllegalArgumentException("change initial PIN without the card's current PIN");
    }
    SscApplication app = new SscApplication(new ApduChannel(connection, ApduTracer.NONE));
    connection.beginExclusive();
    try {
      app.select();
      if (service == ServiceKind.CHANGE_INITIAL) {
        app.changePin(oldPin.orElseThrow(), newPin);
      } else {
        MacPurpose purpose =
            service == ServiceKind.RESET ? MacPurpose.RESET_PIN : MacPurpose.UNBLOCK_PIN;
        ResetStrategies.forCard(card, purpose).write(app, card, purpose, newPin, module);
      }
    } finally {
      connection.endExclusive();
    }
  }

  /** VERIFY with {@code pin}; throws {@code PIN_WRONG} (costing a try) when it is not the PIN. */
  void verify(CardConnection connection, Pin pin) throws CardException {
    SscApplication app = new SscApplication(new ApduChannel(connection, ApduTracer.NONE));
    connection.beginExclusive();
    try {
      app.select();
      app.verifyPin(pin);
    } finally {
      connection.endExclusive();
    }
  }
}
