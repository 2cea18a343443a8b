package dev.pindesk.cli.common;

import java.time.Instant;
import java.util.Optional;

/**
 * What verifying (or exporting) a journal found, as {@code journal verify} and {@code journal
 * export} report it; the services build it from the journal adapter's report.
 *
 * @param valid every entry, link and checkpoint is valid and the chain matches the stored receipt
 * @param uncovered entries after the last checkpoint
 * @param head the chain's head hash, hex
 */
public record JournalReport(
    boolean valid,
    long entries,
    long checkpoints,
    long events,
    long uncovered,
    String head,
    Optional<Info> info,
    Optional<Anchor> anchor,
    Optional<Problem> firstBad) {

  /** The journal's header. */
  public record Info(String journalId, String workstationId, boolean training) {}

  /** The central receipt stored in the journal, and whether its signature was checked. */
  public record Anchor(long ackSeq, Instant at, boolean signatureChecked) {}

  /**
   * The first problem: at entry {@code seq} (0 for the file itself), its stable {@code code} (the
   * key of its translated meaning, {@code journal.problem.<code>}) and an English detail.
   */
  public record Problem(long seq, String code, String detail) {}
}
