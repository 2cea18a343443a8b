package dev.pindesk.domain.pin;

import java.util.List;
import java.util.Optional;

/**
 * The policy's answer for one new PIN: accepted when {@link #reasons()} is empty. Holds no digits,
 * so it may be logged and journalled.
 *
 * @param reasons every rule the PIN breaks, in {@link WeakPinReason} declaration order
 */
public record PinVerdict(List<WeakPinReason> reasons) {
  public static final PinVerdict ACCEPTED = new PinVerdict(List.of());

  public PinVerdict {
    reasons = List.copyOf(reasons);
  }

  public boolean accepted() {
    return reasons.isEmpty();
  }

  /** The reason to tell the citizen first; empty when accepted. */
  public Optional<WeakPinReason> firstReason() {
    return reasons.stream().findFirst();
  }
}
