package dev.pindesk.service.audit;

import dev.pindesk.domain.audit.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cases of a journal, built from its events in order as the supervisor key decrypts them: for
 * each case its parties, how it ended and why, and its steps. Events outside a case (start, stop,
 * sign-in) are counted, not kept. Only the few members a step needs are kept, so a year of a busy
 * counter fits in memory.
 */
public final class AuditCases {

  /** How a case ended. */
  public enum Outcome {
    /** Closed after the PIN was written (or the doubt resolved). */
    COMPLETED,
    /** Cancelled; the reason says why. */
    CANCELLED,
    /** The write's result is unknown and was never resolved: the card must be checked. */
    IN_DOUBT,
    /** No end in the journal: the counter stopped (or stopped journaling) during the case. */
    UNFINISHED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One step of a case.
   *
   * @param policyNotApplied why the PIN policy could not judge this step's PIN ({@code
   *     device_entry}), empty when it did or the step has no PIN
   */
  public record Step(
      long seq, Instant time, String step, String outcome, String error, String policyNotApplied) {}

  /** A case as the audit view lists it. */
  public record Case(
      String id,
      Instant opened,
      Instant last,
      String clerk,
      String service,
      String holder,
      Outcome outcome,
      String reason,
      String holderIdMasked,
      String holderNameMasked,
      boolean verified,
      List<Step> steps) {}

  private final Map<String, Builder> cases = new LinkedHashMap<>();
  private long unreadable;

  /** Adds the next event of the journal. */
  public void add(AuditEntry e) {
    if (!e.readable()) {
      unreadable++;
      return;
    }
    Optional<String> id = e.get("case");
    if (id.isEmpty()) {
      return; // starts, stops, sign-ins: not part of a case
    }
    cases.computeIfAbsent(id.get(), Builder::new).add(e);
  }

  /** The cases in the order they were opened. */
  public List<Case> cases() {
    List<Case> out = new ArrayList<>(cases.size());
    cases.values().forEach(b -> out.add(b.build()));
    return out;
  }

  /** Events the supervisor key could not decrypt. */
  public long unreadable() {
    return unreadable;
  }

  private static final class Builder {
    private final String id;
    private final List<Step> steps = new ArrayList<>();
    private Instant opened;
    private String clerk = "";
    private String service = "";
    private String holder = "";
    private String holderIdMasked = "";
    private String holderNameMasked = "";
    private boolean verified = true;
    private boolean closed;
    private boolean cancelled;
    private boolean inDoubt;
    private String cancelReason = "";
    private String lastError = "";

    Builder(String id) {
      this.id = id;
    }

    void add(AuditEntry e) {
      Instant time = e.get("time").map(Instant::parse).orElse(Instant.EPOCH);
      // Few distinct values, repeated in millions of steps: one copy each.
      String step = e.get("step").orElse("").intern();
      String outcome = e.get("outcome").orElse("").intern();
      String error = e.get("error").orElse("").intern();
      String policy = e.get("policy_not_applied").orElse("").intern();
      steps.add(new Step(e.seq(), time, step, outcome, error, policy));
      if (opened == null) {
        opened = time;
      }
      clerk = e.get("clerk").map(String::intern).orElse(clerk);
      service = e.get("service").map(String::intern).orElse(service);
      holder = e.get("holder").map(String::intern).orElse(holder);
      holderIdMasked = e.get("holderIdMasked").orElse(holderIdMasked);
      holderNameMasked = e.get("holderNameMasked").orElse(holderNameMasked);
      verified &= e.verified();
      switch (step) {
        case "case_closed" -> closed = true;
        case "case_cancelled" -> {
          cancelled = true;
          cancelReason = error;
        }
        case "in_doubt" -> inDoubt = true;
        case "in_doubt_resolved" -> inDoubt = false;
        default -> {}
      }
      if (!error.isEmpty() && !step.equals("case_cancelled")) {
        lastError = error;
      }
    }

    Case build() {
      // An unresolved doubt outlives a cancel: the card must still be checked.
      Outcome outcome =
          inDoubt
              ? Outcome.IN_DOUBT
              : cancelled ? Outcome.CANCELLED : closed ? Outcome.COMPLETED : Outcome.UNFINISHED;
      // Why it did not complete; a completed case has no reason (even after a retried step).
      String reason =
          outcome == Outcome.COMPLETED
              ? ""
              : outcome == Outcome.CANCELLED && !cancelReason.isEmpty() ? cancelReason : lastError;
      return new Case(
          id,
          opened,
          steps.get(steps.size() - 1).time(),
          clerk,
          service,
          holder,
          outcome,
          reason,
          holderIdMasked,
          holderNameMasked,
          verified,
          List.copyOf(steps));
    }
  }
}
