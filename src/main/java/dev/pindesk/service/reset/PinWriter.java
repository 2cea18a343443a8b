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

/**
 * The one card write of a case, per service: the profile's privileged reset or unblock command (MAC
 * from the security module), or CHANGE PIN from the old PIN the citizen typed (the issuing PIN
 * 123456 when none was asked for).
 */
final class PinWriter {
  private static final char[] INITIAL_PIN = {'1', '2', '3', '4', '5', '6'};

  private final SecurityModule module;

  PinWriter(SecurityModule module) {
    this.module = module;
  }

  /** Writes {@code newPin} to the card on {@code connection} in one exclusive transaction. */
  void write(
      ServiceKind service, CardConnection connection, CardSnapshot card, Pin oldPin, Pin newPin)
      throws CardException {
    SscApplication app = new SscApplication(new ApduChannel(connection, ApduTracer.NONE));
    connection.beginExclusive();
    try {
      app.select();
      if (service == ServiceKind.CHANGE_INITIAL) {
        if (oldPin != null) {
          app.changePin(oldPin, newPin);
        } else {
          try (Pin initial = Pin.of(INITIAL_PIN)) {
            app.changePin(initial, newPin);
          }
        }
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
