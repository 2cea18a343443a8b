package dev.pindesk.adapters.virtualcard;

/** Life-cycle state of the virtual card's PIN and application. */
public enum PinState {
  /** PIN usable; wrong entries count down the tries. */
  ACTIVE,
  /** No tries left: VERIFY answers {@code 69 83} until the PIN is unblocked. */
  PIN_BLOCKED,
  /** Application locked permanently ({@code 93 03}): only reading still works. */
  LOCKED
}
