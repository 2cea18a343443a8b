package dev.pindesk.domain.pin;

import dev.pindesk.domain.Pin;

/**
 * What the UI does after an entry of the new PIN: go on (accepted), tell the citizen why the PIN is
 * weak and restart, or say the two entries differ and restart. Only {@link Accepted} carries a PIN;
 * the others' PINs have been wiped already.
 */
public sealed interface PinEntryResult
    permits PinEntryResult.Accepted, PinEntryResult.Weak, PinEntryResult.Mismatch {

  /** The entry stands: after the first entry ask again, after the second the PIN is captured. */
  record Accepted(Pin pin) implements PinEntryResult {}

  /** The policy refuses the PIN; the entry restarts. */
  record Weak(PinVerdict verdict) implements PinEntryResult {
    /** The reason to tell the citizen. */
    public WeakPinReason reason() {
      return verdict.firstReason().orElseThrow();
    }
  }

  /** The second entry differs from the first; the entry restarts from the first. */
  record Mismatch() implements PinEntryResult {
    /** Stable message key. */
    public String messageKey() {
      return "pin.entry.mismatch";
    }
  }
}
