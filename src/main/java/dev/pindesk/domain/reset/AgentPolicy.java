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

  public boolean allows(String regionCode) {
    return allowedRegionPrefixes.stream().anyMatch(regionCode::startsWith);
  }
}
