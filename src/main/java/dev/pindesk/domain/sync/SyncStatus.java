package dev.pindesk.domain.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the status bar and the {@code sync} CLI show about shipping the journal to the central
 * system, as of {@link #asOf()}: whether the central was reached, how many entries wait and since
 * when, when the central last confirmed, the last problem (a stable code, see {@link
 * CentralFailure} plus {@code receipt_mismatch} and {@code journal_unreadable}), and whether the
 * backlog is older than the configured limit.
 */
public final class SyncStatus {
  /** Where syncing stands. */
  public enum Link {
    /** Started, no answer from the central yet. */
    STARTING,
    /** The last exchange with the central succeeded (or was a refusal a retry can fix). */
    ONLINE,
    /** The central could not be reached; retrying with backoff. */
    OFFLINE,
    /** A refusal or receipt a retry cannot fix: nothing is sent until a person acts. */
    STOPPED
  }

  private final Link link;
  private final long lastSeq;
  private final long ackSeq;
  private final Instant oldestPending;
  private final Instant lastReceipt;
  private final String problem;
  private final Duration backlogLimit;
  private final Instant asOf;

  private SyncStatus(
      Link link,
      long lastSeq,
      long ackSeq,
      Instant oldestPending,
      Instant lastReceipt,
      String problem,
      Duration backlogLimit,
      Instant asOf) {
    this.link = Objects.requireNonNull(link);
    this.lastSeq = lastSeq;
    this.ackSeq = ackSeq;
    this.oldestPending = oldestPending;
    this.lastReceipt = lastReceipt;
    this.problem = problem;
    this.backlogLimit = Objects.requireNonNull(backlogLimit);
    this.asOf = Objects.requireNonNull(asOf);
  }

  /** Nothing known yet: starting, no entries, no receipt. */
  public static SyncStatus starting(Duration backlogLimit, Instant asOf) {
    return new SyncStatus(Link.STARTING, 0, 0, null, null, null, backlogLimit, asOf);
  }

  /** The journal's side: last entry, acknowledged position, oldest waiting entry and receipt. */
  public SyncStatus withJournal(
      long lastSeq,
      long ackSeq,
      Optional<Instant> oldestPending,
      Optional<Instant> lastReceipt,
      Instant asOf) {
    return new SyncStatus(
        link,
        lastSeq,
        ackSeq,
        oldestPending.orElse(null),
        lastReceipt.orElse(null),
        problem,
        backlogLimit,
        asOf);
  }

  /** The central's side: reached or not, and the problem of the last exchange (if any). */
  public SyncStatus withLink(Link newLink, Optional<String> newProblem) {
    return new SyncStatus(
        newLink,
        lastSeq,
        ackSeq,
        oldestPending,
        lastReceipt,
        newProblem.orElse(null),
        backlogLimit,
        asOf);
  }

  public Link link() {
    return link;
  }

  /** True when the last exchange with the central got an answer. */
  public boolean online() {
    return link == Link.ONLINE;
  }

  public long lastSeq() {
    return lastSeq;
  }

  /** Entries 1..ackSeq are held by the central (per its latest verified receipt). */
  public long ackSeq() {
    return ackSeq;
  }

  /** Entries written but not yet acknowledged. */
  public long pending() {
    return Math.max(0, lastSeq - ackSeq);
  }

  /** When the oldest unacknowledged entry was written (its header's time). */
  public Optional<Instant> oldestPending() {
    return Optional.ofNullable(oldestPending);
  }

  /** How long the oldest unacknowledged entry has been waiting, as of {@link #asOf()}. */
  public Optional<Duration> oldestPendingAge() {
    return oldestPending()
        .map(t -> Duration.between(t, asOf))
        .map(d -> d.isNegative() ? Duration.ZERO : d);
  }

  /** The time in the latest verified receipt (when the central stored up to ackSeq). */
  public Optional<Instant> lastReceipt() {
    return Optional.ofNullable(lastReceipt);
  }

  /** The stable code of the last problem; empty after a success. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  public Duration backlogLimit() {
    return backlogLimit;
  }

  /** True when an entry has waited longer than {@link #backlogLimit()}: someone must look. */
  public boolean backlogAlert() {
    return oldestPendingAge().map(a -> a.compareTo(backlogLimit) > 0).orElse(false);
  }

  /** When this status was computed; ages are relative to it. */
  public Instant asOf() {
    return asOf;
  }

  @Override
  public String toString() {
    return "SyncStatus["
        + link
        + " lastSeq="
        + lastSeq
        + " ackSeq="
        + ackSeq
        + " oldestPending="
        + oldestPending
        + " lastReceipt="
        + lastReceipt
        + " problem="
        + problem
        + " backlogAlert="
        + backlogAlert()
        + "]";
  }
}
