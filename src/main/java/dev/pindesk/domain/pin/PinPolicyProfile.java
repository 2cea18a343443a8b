package dev.pindesk.domain.pin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The regional data of the PIN policy, which an administrator may change without a new release:
 * initial PINs (refused as new PINs), the PIN try limit, and extra known-weak PINs. Loaded from the
 * built-in default or an administrator's file (see {@code docs/pin-policy.md}); the rules
 * themselves are code.
 *
 * @param name a label for logs and the CLI (e.g. the province)
 * @param initialPins initial PINs refused everywhere: 6 digits or a token of {@link #TOKENS}
 * @param tryLimit wrong PIN entries before the card blocks the PIN (3 on most cards)
 * @param knownWeak extra PINs to refuse as {@link WeakPinReason#KNOWN_WEAK}, 6 digits each
 * @param regions regional differences, matched by the longest prefix of the region code
 */
public record PinPolicyProfile(
    String name,
    List<String> initialPins,
    int tryLimit,
    List<String> knownWeak,
    List<Region> regions) {

  /** Initial PIN token: the last 6 characters of the holder's ID number (X read as 0). */
  public static final String ID_LAST6 = "id_last6";

  /** Initial PIN token: the last 6 characters of the card number. */
  public static final String CARD_LAST6 = "card_last6";

  /** The tokens an initial PIN may be instead of 6 digits. */
  public static final Set<String> TOKENS = Set.of(ID_LAST6, CARD_LAST6);

  /** Try limits a card may have (the retry counter of {@code 63 Cx} holds 0 to 15). */
  public static final int MAX_TRY_LIMIT = 15;

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
  private static final Pattern PREFIX = Pattern.compile("[0-9]{1,6}");

  public PinPolicyProfile {
    Objects.requireNonNull(name, "name");
    initialPins = List.copyOf(initialPins);
    knownWeak = List.copyOf(knownWeak);
    regions = List.copyOf(regions);
    initialPins.forEach(PinPolicyProfile::requireInitialPin);
    knownWeak.forEach(PinPolicyProfile::requireSixDigits);
    requireTryLimit(tryLimit);
  }

  /** 123456 as the initial PIN, 3 tries, no regional differences: the built-in default. */
  public static PinPolicyProfile standard() {
    return new PinPolicyProfile("built-in", List.of("123456"), 3, List.of(), List.of());
  }

  /**
   * One region's differences.
   *
   * @param prefix leading digits of the 6-digit region code (44 a province, 4401 a city)
   * @param initialPins initial PINs of the region, refused in addition to the profile's
   * @param tryLimit the region's try limit, when it differs from the profile's
   */
  public record Region(String prefix, List<String> initialPins, OptionalInt tryLimit) {
    public Region {
      if (!PREFIX.matcher(prefix).matches()) {
        throw new IllegalArgumentException("region prefix must be 1 to 6 digits");
      }
      initialPins = List.copyOf(initialPins);
      initialPins.forEach(PinPolicyProfile::requireInitialPin);
      tryLimit.ifPresent(PinPolicyProfile::requireTryLimit);
    }

    boolean matches(String region) {
      return region.startsWith(prefix);
    }
  }

  /**
   * The initial PINs (digits or tokens) to refuse in {@code region}: the profile's plus those of
   * the region with the longest matching prefix. Where the region is unknown, those of every
   * region: refusing a few more PINs is cheaper than letting a region's initial PIN through.
   */
  public List<String> initialPinsFor(Optional<String> region) {
    Set<String> all = new LinkedHashSet<>(initialPins);
    if (region.isEmpty()) {
      regions.forEach(r -> all.addAll(r.initialPins()));
    } else {
      regionOf(region.get()).ifPresent(r -> all.addAll(r.initialPins()));
    }
    return new ArrayList<>(all);
  }

  /** The try limit in {@code region}: the region's when it has one, else the profile's. */
  public int tryLimitFor(Optional<String> region) {
    return region.flatMap(this::regionOf).flatMap(r -> boxed(r.tryLimit())).orElse(tryLimit);
  }

  private Optional<Region> regionOf(String region) {
    return regions.stream()
        .filter(r -> r.matches(region))
        .max(Comparator.comparingInt(r -> r.prefix().length()));
  }

  private static Optional<Integer> boxed(OptionalInt value) {
    return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
  }

  private static void requireInitialPin(String pin) {
    if (!TOKENS.contains(pin)) {
      requireSixDigits(pin);
    }
  }

  private static void requireSixDigits(String pin) {
    if (!SIX_DIGITS.matcher(pin).matches()) {
      throw new IllegalArgumentException("a listed PIN must be 6 digits");
    }
  }

  private static void requireTryLimit(int limit) {
    if (limit < 1 || limit > MAX_TRY_LIMIT) {
      throw new IllegalArgumentException("try limit must be 1 to " + MAX_TRY_LIMIT);
    }
  }
}
