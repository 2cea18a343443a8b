package dev.pindesk.domain.id;

import java.util.Locale;

/**
 * Outcome of checking (possibly partial) ID number input. Every state but {@link #INCOMPLETE} and
 * {@link #VALID} is an error the clerk should see while typing.
 */
public enum IdCheckState {
  /** Fine so far, more characters to come. */
  INCOMPLETE,
  /** A character that is not a digit (or X in the last position). */
  INVALID_CHARACTER,
  /** First digit 0 or an unknown province prefix. */
  INVALID_REGION,
  /** Positions 7-14 cannot form a real date on or after 1900-01-01. */
  INVALID_BIRTH_DATE,
  /** Positions 7-14 can only form dates after today. */
  BIRTH_DATE_IN_FUTURE,
  /** All 18 characters present, but the check character does not match. */
  CHECKSUM_MISMATCH,
  /** More than 18 characters. */
  TOO_LONG,
  /** A complete, valid number. */
  VALID;

  /** Stable key for the clerk message, {@code id.check.<lowercase name>}. */
  public String messageKey() {
    return "id.check." + name().toLowerCase(Locale.ROOT);
  }

  /** True for states that mean the input is wrong (not merely incomplete). */
  public boolean isError() {
    return this != INCOMPLETE && this != VALID;
  }
}
