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

  VerifyReport(
      long entries,
      long checkpoints,
      long events,
      long uncovered,
      String head,
      JournalInfo info,
      Problem problem) {
    this.entries = entries;
    this.checkpoints = checkpoints;
    this.events = events;
    this.uncovered = uncovered;
    this.head = head;
    this.info = info;
    this.problem = problem;
  }

  static VerifyReport failed(Problem problem) {
    return new VerifyReport(0, 0, 0, 0, "", null, problem);
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

  public Optional<Problem> firstBad() {
    return Optional.ofNullable(problem);
  }
}
