package dev.pindesk.domain.audit;

import java.util.Map;
import java.util.Optional;

/**
 * One journal event as the supervisor reads it: its members by wire name ({@code time}, {@code
 * clerk}, {@code case}, {@code service}, {@code holder}, {@code step}, {@code outcome}, {@code
 * error}, the masked identity members), whether the chain up to it verified, and whether the
 * supervisor key could decrypt it (its members are empty when not).
 */
public record AuditEntry(
    long seq, Map<String, String> members, boolean verified, boolean readable) {
  public AuditEntry {
    members = Map.copyOf(members);
  }

  public Optional<String> get(String member) {
    return Optional.ofNullable(members.get(member)).filter(v -> !v.isEmpty());
  }
}
