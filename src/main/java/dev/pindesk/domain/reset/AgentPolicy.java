package dev.pindesk.domain.reset;

import java.util.List;

/**
 * Where an agent (代办) may act for the holder: region policy as data. A card is served by agent when
 * its issuing region code (first 6 characters of the card identification code) starts with one of
 * {@link #allowedRegionPrefixes()}; {@code "11"} allows a whole province, {@code "110101"} one
 * district, {@code ""} everywhere.
 *
 * @param allowedRegionPrefixes region code prefixes where agents are allowed
 */
public record AgentPolicy(List<String> allowedRegionPrefixes) {
  public AgentPolicy {
    allowedRegionPrefixes = List.copyOf(allowedRegionPrefixes);
  }

  /** Agents are never allowed. */
  public static AgentPolicy nowhere() {
    return new AgentPolicy(List.of());
  }

  /** Agents are allowed for every region. */
  public static AgentPolicy everywhere() {
    return new AgentPolicy(List.of(""));
  }

  /**
   * The policy of a setting: {@code all} (or {@code *}) everywhere, {@code none} nowhere, otherwise
   * comma-separated region code prefixes of 1–6 digits ({@code "11,3101"}: Beijing and one district
   * of Shanghai).
   *
   * @throws IllegalArgumentException naming the element that is not a region prefix
   */
  public static AgentPolicy parse(String setting) {
    String s = setting.strip();
    if (s.equalsIgnoreCase("all") || s.equals("*")) {
      return everywhere();
    }
    if (s.equalsIgnoreCase("none")) {
      return nowhere();
    }
    java.util.List<String> prefixes = new java.util.ArrayList<>();
    for (String part : s.split(",", -1)) {
      String p = part.strip();
      if (!p.matches("[0-9]{1,6}")) {
        throw new IllegalArgumentException(
            "agent regions: '" + p + "' is not a region code prefix (1-6 digits), all or none");
      }
      prefixes.add(p);
    }
    return new AgentPolicy(prefixes);
  }

  public boolean allows(String regionCode) {
    return allowedRegionPrefixes.stream().anyMatch(regionCode::startsWith);
  }
}
