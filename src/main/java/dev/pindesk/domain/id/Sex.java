package dev.pindesk.domain.id;

/** Sex as GB 11643 encodes it: the parity of the 17th digit (odd male, even female). */
public enum Sex {
  MALE,
  FEMALE
}
