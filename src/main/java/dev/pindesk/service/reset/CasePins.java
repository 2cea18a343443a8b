package dev.pindesk.service.reset;

import dev.pindesk.domain.Pin;
import java.util.Optional;

/**
 * The PINs a case holds between their capture and the settled write: the new PIN, and for a change
 * of the initial PIN the card's current one. Taking a PIN over replaces (and wipes) the one held
 * before; {@link #wipe} ends the custody. Never a copy, never a {@code String}.
 */
final class CasePins {
  private Pin newPin;
  private Pin oldPin; // CHANGE_INITIAL: the PIN on the card, typed by the citizen

  /** Takes {@code captured} over as the new PIN; a previous capture is wiped, the old PIN stays. */
  void keepNew(Pin captured) {
    if (newPin != null) {
      newPin.close();
    }
    newPin = captured;
  }

  /** Takes {@code old} over as the card's current PIN, wiping one taken before. */
  void keepOld(Pin old) {
    if (oldPin != null) {
      oldPin.close();
    }
    oldPin = old;
  }

  /** The captured new PIN; null before a capture. */
  Pin newPin() {
    return newPin;
  }

  Optional<Pin> oldPin() {
    return Optional.ofNullable(oldPin);
  }

  /** Wipes and forgets both. */
  void wipe() {
    if (oldPin != null) {
      oldPin.close();
      oldPin = null;
    }
    if (newPin != null) {
      newPin.close();
      newPin = null;
    }
  }
}
