package dev.pindesk.adapters.journal;

import java.util.Optional;

/**
 * What {@code journal verify} found. {@code entries} counts the entries checked before the first
 * problem (all of them when valid), {@code uncovered} the entries after the last checkpoint (whose
 * removal only an external anchor — a central receipt — can reveal), {@code head} the hex chain
 * head to compare with such an anchor.
 */
public final class VerifyReport {
  private final long entries;
  private final long checkpoints;
  private final long events;
  private final long uncovered;
  private final String head;
  private final JournalInfo info;
  private final Problem problem;
  private final Anchor anchor;

  /**
   * The central receipt the chain was checked against: entries 1..{@code ackSeq} acknowledged at
   * {@code at}; {@code signatureChecked} when the central's certificate was given.
   */
  public record Anchor(long ackSeq, java.time.Instant at, boolean signatureChecked) {}

  VerifyReport(
      long entries,
      long checkpoints,
      long events,
      long uncovered,
      String head,
      JournalInfo info,
      Problem problem,
      Optional<Anchor> anchor) {
    this.anchor = anchor.orElse(null);
    this.entries = entries;
    this.checkpoints = checkpoints;
    this.events = events;
    this.uncovered = uncovered;
    this.head = head;
    this.info = info;
    this.problem = problem;
  }

  static VerifyReport failed(Problem problem) {
    return new VerifyReport(0, 0, 0, 0, "", null, problem, Optional.empty());
  }

  public boolean valid() {
    return problem == null;
  }

  public long entries() {
    return entries;
  }

  public long checkpoints() {
    return checkpoints;
  }

  public long events() {
    return events;
  }

  public long uncovered() {
    return uncovered;
  }

  public String head() {
    return head;
  }

  /** Journal id, workstation, training flag — when the header could be read. */
  public Optional<JournalInfo> info() {
    return Optional.ofNullable(info);
  }

  /** The central receipt found in the journal's bookkeeping, if any. */
  public Optional<Anchor> anchor() {
    return Optional.ofNullable(anchor);
  }

  public Optional<Problem> firstBad() {
    return Optional.ofNullable(problem);
  }
}
