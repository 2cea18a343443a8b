package dev.pindesk.adapters.virtualcard;

/**
 * When a T=0 virtual card answers {@code 61 xx} and makes the reader fetch the data with GET
 * RESPONSE. Real T=0 cards differ here, and the card layer must cope with each kind.
 */
public enum GetResponseMode {
  /** Data comes back directly with the status word. */
  NEVER,
  /** Only case-4 commands (data sent and data expected: SELECT by name) answer {@code 61 xx}. */
  CASE4,
  /** Every answer carrying data answers {@code 61 xx} first. */
  ALWAYS
}
