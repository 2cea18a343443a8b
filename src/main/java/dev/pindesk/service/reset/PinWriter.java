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
import dev.pindesk.ports.SecurityModule;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one card write of a case, per service, in one exclusive transaction:
 *
 * <ul>
 *   <li>reset: the profile's privileged reset (external authentication, then the new PIN under
 *       secure messaging from the security module);
 *   <li>unlock: the profile's unblock (restores the try counter only; the PIN stays), then the
 *       reset, because a citizen with a blocked PIN has also forgotten it — or the reset alone
 *       where the profile says the card's reset restores the counter;
 *   <li>change initial PIN: CHANGE PIN from the card's current PIN the citizen typed. There is no
 *       default current PIN: a change without one is a caller's error, never a guess at 123456
 *       (which would spend one of the card's tries).
 * </ul>
 */
public final class PinWriter {
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
    write(service, connection, card, oldPin, newPin, step -> {});
  }

  /**
   * As {@link #write(ServiceKind, CardConnection, CardSnapshot, Optional, Pin)}, telling {@code
   * done} each card command that succeeded (for the unlock: the unblock, then the reset), so the
   * case can say what happened when a later command fails.
   */
  void write(
      ServiceKind service,
      CardConnection connection,
      CardSnapshot card,
      Optional<Pin> oldPin,
      Pin newPin,
      Consumer<Step> done)
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
        done.accept(Step.CHANGED);
      } else {
        if (service == ServiceKind.UNLOCK && !card.profile().resetRestoresTries()) {
          ResetStrategies.unblock(app, card, module);
          done.accept(Step.UNBLOCKED);
        }
        ResetStrategies.reset(app, card, newPin, module);
        done.accept(Step.RESET);
      }
    } finally {
      connection.endExclusive();
    }
  }

  /** A card command of the write that succeeded. */
  public enum Step {
    /** The try counter was restored (unblock); the PIN was not changed by it. */
    UNBLOCKED,
    /** The new PIN was written (reset). */
    RESET,
    /** The PIN was changed with the old one. */
    CHANGED
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
