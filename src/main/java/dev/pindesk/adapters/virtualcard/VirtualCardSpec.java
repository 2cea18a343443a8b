package dev.pindesk.adapters.virtualcard;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pindesk.domain.CipherAlgorithm;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that makes one virtual social security card: data, PIN state, transport quirks and
 * faults. Profiles are JSON files (see {@link VirtualCardSpecs}); quirks real cards differ in are
 * data here so the card layer can be tested against each of them.
 *
 * @param label human-readable name of the profile
 * @param protocol T=0 or T=1
 * @param algorithm MAC algorithm of privileged commands, stated in FCI tag 86 (01 TDES, 03 SM4)
 * @param fciStatesAlgorithm whether the SELECT answer carries {@code A5 03 86 01 <alg>}
 * @param card card information (EF05)
 * @param holder holder information (EF06)
 * @param pin initial PIN state
 * @param keyIndex key index of the privileged-command keys
 * @param ef06NeedsAuthentication generation 3.0 cards that answer {@code 69 82} on reading EF06
 * @param retryCheckCountsAsTry whether a VERIFY without data costs a try (some cards do)
 * @param keyTries tries of the external-authentication key: each wrong cryptogram costs one ({@code
 *     63 Cx}), none left blocks the key ({@code 69 83})
 * @param resetRestoresTries whether the PIN reset also unblocks a blocked PIN (otherwise a reset of
 *     a blocked PIN answers {@code 69 83} and the unblock must come first)
 * @param getResponse T=0 only: when answers go through {@code 61 xx} / GET RESPONSE
 * @param elementLengths value length per tag, for cards whose records differ from the nominal
 *     length (values are truncated or padded with 00)
 * @param faults injected faults
 */
public record VirtualCardSpec(
    String label,
    CardProtocol protocol,
    CipherAlgorithm algorithm,
    boolean fciStatesAlgorithm,
    CardInfoSpec card,
    HolderSpec holder,
    PinSpec pin,
    int keyIndex,
    boolean ef06NeedsAuthentication,
    boolean retryCheckCountsAsTry,
    int keyTries,
    boolean resetRestoresTries,
    GetResponseMode getResponse,
    Map<Integer, Integer> elementLengths,
    FaultSpec faults) {

  public VirtualCardSpec {
    Objects.requireNonNull(label, "label is missing");
    Objects.requireNonNull(protocol, "protocol is missing");
    Objects.requireNonNull(algorithm, "algorithm is missing");
    Objects.requireNonNull(card, "card is missing");
    Objects.requireNonNull(holder, "holder is missing");
    Objects.requireNonNull(pin, "pin is missing");
    Objects.requireNonNull(getResponse, "getResponse is missing");
    Objects.requireNonNull(faults, "faults is missing");
    if (keyIndex < 0 || keyIndex > 0xFF) {
      throw new IllegalArgumentException("keyIndex must be 0 to 255");
    }
    if (keyTries < 1 || keyTries > 15) {
      throw new IllegalArgumentException("keyTries must be 1 to 15");
    }
    if (protocol == CardProtocol.T1 && getResponse != GetResponseMode.NEVER) {
      // 61xx / GET RESPONSE is a T=0 mechanism; a T=1 profile asking for it is a mistake.
      throw new IllegalArgumentException("getResponse applies to T0 profiles only");
    }
    elementLengths.forEach(
        (tag, length) -> {
          if (tag < 0 || tag > 0xFF || length < 0 || length > 0xFF) {
            throw new IllegalArgumentException("elementLengths: tag and length must be 0 to FF");
          }
        });
    elementLengths = Map.copyOf(elementLengths);
  }

  /**
   * JSON form. Defaults: fciStatesAlgorithm true, keyIndex 1, keyTries 3, flags false, getResponse
   * NEVER, no element length changes, no faults. {@code elementLengths} keys are tags in hex
   * ({@code "09"}).
   */
  @JsonCreator
  static VirtualCardSpec fromJson(
      @JsonProperty("label") String label,
      @JsonProperty("protocol") CardProtocol protocol,
      @JsonProperty("algorithm") CipherAlgorithm algorithm,
      @JsonProperty("fciStatesAlgorithm") Boolean fciStatesAlgorithm,
      @JsonProperty("card") CardInfoSpec card,
      @JsonProperty("holder") HolderSpec holder,
      @JsonProperty("pin") PinSpec pin,
      @JsonProperty("keyIndex") Integer keyIndex,
      @JsonProperty("ef06NeedsAuthentication") Boolean ef06NeedsAuthentication,
      @JsonProperty("retryCheckCountsAsTry") Boolean retryCheckCountsAsTry,
      @JsonProperty("keyTries") Integer keyTries,
      @JsonProperty("resetRestoresTries") Boolean resetRestoresTries,
      @JsonProperty("getResponse") GetResponseMode getResponse,
      @JsonProperty("elementLengths") Map<String, Integer> elementLengths,
      @JsonProperty("faults") FaultSpec faults) {
    return new VirtualCardSpec(
        label,
        protocol,
        algorithm,
        fciStatesAlgorithm == null || fciStatesAlgorithm,
        card,
        holder,
        pin,
        keyIndex == null ? 1 : keyIndex,
        Boolean.TRUE.equals(ef06NeedsAuthentication),
        Boolean.TRUE.equals(retryCheckCountsAsTry),
        keyTries == null ? 3 : keyTries,
        Boolean.TRUE.equals(resetRestoresTries),
        getResponse == null ? GetResponseMode.NEVER : getResponse,
        tagsFromHex(elementLengths == null ? Map.of() : elementLengths),
        faults == null ? FaultSpec.NONE : faults);
  }

  private static Map<Integer, Integer> tagsFromHex(Map<String, Integer> byHex) {
    Map<Integer, Integer> out = new HashMap<>();
    byHex.forEach(
        (hex, length) -> {
          try {
            out.put(Integer.parseInt(hex, 16), Objects.requireNonNull(length, "length"));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("elementLengths: tag is not hex", e);
          }
        });
    return out;
  }

  /** Card generation digit from the specification version ({@code "3.00"} gives 3). */
  public int generation() {
    return card.specVersion().charAt(0) - '0';
  }

  public VirtualCardSpec withProtocol(CardProtocol value, GetResponseMode mode) {
    return new VirtualCardSpec(
        label,
        value,
        algorithm,
        fciStatesAlgorithm,
        card,
        holder,
        pin,
        keyIndex,
        ef06NeedsAuthentication,
        retryCheckCountsAsTry,
        keyTries,
        resetRestoresTries,
        mode,
        elementLengths,
        faults);
  }

  public VirtualCardSpec withAlgorithm(CipherAlgorithm value, boolean statedInFci) {
    return new VirtualCardSpec(
        label,
        protocol,
        value,
        statedInFci,
        card,
        holder,
        pin,
        keyIndex,
        ef06NeedsAuthentication,
        retryCheckCountsAsTry,
        keyTries,
        resetRestoresTries,
        getResponse,
        elementLengths,
        faults);
  }

  public VirtualCardSpec withPin(PinSpec value) {
    return new VirtualCardSpec(
        label,
        protocol,
        algorithm,
        fciStatesAlgorithm,
        card,
        holder,
        value,
        keyIndex,
        ef06NeedsAuthentication,
        retryCheckCountsAsTry,
        keyTries,
        resetRestoresTries,
        getResponse,
        elementLengths,
        faults);
  }

  public VirtualCardSpec withEf06NeedsAuthentication(boolean value) {
    return new VirtualCardSpec(
        label,
        protocol,
        algorithm,
        fciStatesAlgorithm,
        card,
        holder,
        pin,
        keyIndex,
        value,
        retryCheckCountsAsTry,
        keyTries,
        resetRestoresTries,
        getResponse,
        elementLengths,
        faults);
  }

  public VirtualCardSpec withRetryCheckCountsAsTry(boolean value) {
    return new VirtualCardSpec(
        label,
        protocol,
        algorithm,
        fciStatesAlgorithm,
        card,
        holder,
        pin,
        keyIndex,
        ef06NeedsAuthentication,
        value,
        keyTries,
        resetRestoresTries,
        getResponse,
        elementLengths,
        faults);
  }

  public VirtualCardSpec withResetRestoresTries(boolean value) {
    return new VirtualCardSpec(
        label,
        protocol,
        algorithm,
        fciStatesAlgorithm,
        card,
        holder,
        pin,
        keyIndex,
        ef06NeedsAuthentication,
        retryCheckCountsAsTry,
        keyTries,
        value,
        getResponse,
        elementLengths,
        faults);
  }

  public VirtualCardSpec withElementLengths(Map<Integer, Integer> value) {
    return new VirtualCardSpec(
        label,
        protocol,
        algorithm,
        fciStatesAlgorithm,
        card,
        holder,
        pin,
        keyIndex,
        ef06NeedsAuthentication,
        retryCheckCountsAsTry,
        keyTries,
        resetRestoresTries,
        getResponse,
        value,
        faults);
  }

  public VirtualCardSpec withFaults(FaultSpec value) {
    return new VirtualCardSpec(
        label,
        protocol,
        algorithm,
        fciStatesAlgorithm,
        card,
        holder,
        pin,
        keyIndex,
        ef06NeedsAuthentication,
        retryCheckCountsAsTry,
        keyTries,
        resetRestoresTries,
        getResponse,
        elementLengths,
        value);
  }
}
