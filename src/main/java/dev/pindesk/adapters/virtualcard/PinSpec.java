package dev.pindesk.adapters.virtualcard;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Set;

/**
 * PIN state a virtual card starts with. The initial PIN is a training value, still held as {@code
 * char[]} so it never becomes a {@link String}; {@link #initial()} hands out a copy the caller
 * wipes.
 *
 * @param initial the PIN the card holds, 6 digits
 * @param maxTries tries after a correct entry: 3, 6 or 8
 * @param triesLeft tries left now, 0 to {@code maxTries}
 * @param state PIN / application state; no tries left implies {@link PinState#PIN_BLOCKED}
 */
public record PinSpec(char[] initial, int maxTries, int triesLeft, PinState state) {

  private static final Set<Integer> MAX_TRIES = Set.of(3, 6, 8);

  public PinSpec {
    Objects.requireNonNull(initial, "pin.initial is missing");
    Objects.requireNonNull(state, "pin.state is missing");
    if (initial.length != 6) {
      throw new IllegalArgumentException("pin.initial must have 6 digits");
    }
    for (char c : initial) {
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("pin.initial must contain digits only");
      }
    }
    if (!MAX_TRIES.contains(maxTries)) {
      throw new IllegalArgumentException("pin.maxTries must be 3, 6 or 8");
    }
    if (triesLeft < 0 || triesLeft > maxTries) {
      throw new IllegalArgumentException("pin.triesLeft must be 0 to maxTries");
    }
    if (triesLeft == 0 && state == PinState.ACTIVE) {
      state = PinState.PIN_BLOCKED;
    }
    initial = initial.clone();
  }

  /** JSON form: {@code maxTries} defaults to 3, {@code triesLeft} to maxTries, state to ACTIVE. */
  @JsonCreator
  static PinSpec fromJson(
      @JsonProperty("initial") char[] initial,
      @JsonProperty("maxTries") Integer maxTries,
      @JsonProperty("triesLeft") Integer triesLeft,
      @JsonProperty("state") PinState state) {
    int max = maxTries == null ? 3 : maxTries;
    return new PinSpec(
        initial, max, triesLeft == null ? max : triesLeft, state == null ? PinState.ACTIVE : state);
  }

  /** A fresh, active PIN with all tries left. */
  public static PinSpec active(char[] initial, int maxTries) {
    return new PinSpec(initial, maxTries, maxTries, PinState.ACTIVE);
  }

  /** A copy of the initial PIN; the caller wipes it. */
  @Override
  public char[] initial() {
    return initial.clone();
  }

  public PinSpec withTriesLeft(int tries) {
    return new PinSpec(initial, maxTries, tries, state);
  }

  public PinSpec withState(PinState newState) {
    return new PinSpec(initial, maxTries, triesLeft, newState);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PinSpec p
        && java.util.Arrays.equals(p.initial, initial)
        && p.maxTries == maxTries
        && p.triesLeft == triesLeft
        && p.state == state;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxTries, triesLeft, state);
  }

  @Override
  public String toString() {
    return "PinSpec[******, maxTries=" + maxTries + ", triesLeft=" + triesLeft + ", " + state + "]";
  }
}
