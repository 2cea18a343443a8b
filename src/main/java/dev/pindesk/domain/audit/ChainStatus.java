package dev.pindesk.domain.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * What verifying a journal found, for the supervisor: the header's workstation and mode, how many
 * entries and checkpoints were checked, the entries after the last checkpoint (only a central
 * receipt protects those), the first problem (its wire kind and entry) and the central receipt the
 * chain was checked against.
 */
public record ChainStatus(
    String workstation,
    boolean training,
    long entries,
    long checkpoints,
    long uncheckpointed,
    Optional<String> problem,
    long problemSeq,
    Optional<Long> acknowledgedSeq,
    Optional<Instant> acknowledgedAt) {

  public boolean valid() {
    return problem.isEmpty();
  }
}
