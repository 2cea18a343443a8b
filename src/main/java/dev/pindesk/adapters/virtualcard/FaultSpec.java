package dev.pindesk.adapters.virtualcard;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Faults a virtual card injects, counted in command APDUs answered. 0 disables a fault.
 *
 * @param removeAfterApdus the card leaves the reader right after answering this many APDUs
 * @param muteAfterApdus after answering this many APDUs the card stops answering
 * @param garbageAfterApdus after answering this many APDUs the card answers garbage (not an R-APDU)
 */
public record FaultSpec(int removeAfterApdus, int muteAfterApdus, int garbageAfterApdus) {

  /** No faults. */
  public static final FaultSpec NONE = new FaultSpec(0, 0, 0);

  public FaultSpec {
    if (removeAfterApdus < 0 || muteAfterApdus < 0 || garbageAfterApdus < 0) {
      throw new IllegalArgumentException("fault counts must be 0 (off) or positive");
    }
  }

  @JsonCreator
  static FaultSpec fromJson(
      @JsonProperty("removeAfterApdus") Integer remove,
      @JsonProperty("muteAfterApdus") Integer mute,
      @JsonProperty("garbageAfterApdus") Integer garbage) {
    return new FaultSpec(orZero(remove), orZero(mute), orZero(garbage));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  public static FaultSpec removeAfter(int apdus) {
    return new FaultSpec(apdus, 0, 0);
  }

  public static FaultSpec muteAfter(int apdus) {
    return new FaultSpec(0, apdus, 0);
  }

  public static FaultSpec garbageAfter(int apdus) {
    return new FaultSpec(0, 0, apdus);
  }
}
