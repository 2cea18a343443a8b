package dev.pindesk.domain.pin;

import dev.pindesk.domain.Pin;

/**
 * The citizen types the new PIN twice. The UI calls {@link #check} on the first entry (so a weak
 * PIN is refused before the second prompt) and then {@link #confirm}. PINs that are discarded are
 * wiped here; the one accepted is handed back inside {@link PinEntryResult.Accepted}.
 */
public final class PinEntry {
  private final PinPolicy policy;
  private final PinContext context;

  public PinEntry(PinPolicy policy, PinContext context) {
    this.policy = policy;
    this.context = context;
  }

  /**
   * Judges the first entry. Weak: {@code first} is wiped and the entry restarts. Accepted: {@code
   * first} stays the caller's, to pass to {@link #confirm}.
   */
  public PinEntryResult check(Pin first) {
    PinVerdict verdict = policy.check(first, context);
    if (!verdict.accepted()) {
      first.close();
      return new PinEntryResult.Weak(verdict);
    }
    return new PinEntryResult.Accepted(first);
  }

  /**
   * Compares the two entries and takes ownership of both: the second is always wiped, the first is
   * returned inside {@link PinEntryResult.Accepted} or wiped. The policy runs again, so a caller
   * that skipped {@link #check} cannot capture a weak PIN.
   */
  public PinEntryResult confirm(Pin first, Pin second) {
    if (first == second) {
      throw new IllegalArgumentException("the second entry must be a separate Pin");
    }
    try {
      PinVerdict verdict = policy.check(first, context);
      if (!verdict.accepted()) {
        first.close();
        return new PinEntryResult.Weak(verdict);
      }
      if (!first.sameAs(second)) {
        first.close();
        return new PinEntryResult.Mismatch();
      }
      return new PinEntryResult.Accepted(first);
    } finally {
      second.close();
    }
  }
}
