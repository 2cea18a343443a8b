package dev.pindesk.domain.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One thing that happened at the counter, as the journal records it: a step of a case (with its
 * service, holder kind, outcome, error code and the people involved) or a session event. The
 * journal adds sequence number, UTC time and workstation when it seals the event.
 *
 * <p>There is deliberately no field that could carry a PIN, a PIN block or key material, and no
 * free text. {@code toString()} shows masked identifiers only.
 */
public final class AuditEvent {
  private static final Pattern ID_SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final AuditStep step;
  private final AuditOutcome outcome;
  private final String clerkId;
  private final String caseId;
  private final ServiceKind service;
  private final HolderKind holder;
  private final ErrorCode errorCode;
  private final Person cardHolder;
  private final Person agent;
  private final String policyNotApplied;

  private AuditEvent(
      AuditStep step,
      AuditOutcome outcome,
      String clerkId,
      String caseId,
      ServiceKind service,
      HolderKind holder,
      ErrorCode errorCode,
      Person cardHolder,
      Person agent,
      String policyNotApplied) {
    this.step = Objects.requireNonNull(step, "step");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.clerkId = checkId("clerkId", clerkId);
    this.caseId = caseId;
    this.service = service;
    this.holder = holder;
    this.errorCode = errorCode;
    this.cardHolder = cardHolder;
    this.agent = agent;
    this.policyNotApplied = policyNotApplied;
  }

  /** A session event (start/stop, sign-in/out) by {@code clerkId}. */
  public static AuditEvent session(AuditStep step, AuditOutcome outcome, String clerkId) {
    if (!step.isSession()) {
      throw new IllegalArgumentException("step " + step + " is not a session step");
    }
    return new AuditEvent(step, outcome, clerkId, null, null, null, null, null, null, null);
  }

  /** A step of case {@code caseId} (letters, digits, {@code ._-}; at most 64). */
  public static AuditEvent caseStep(
      String caseId,
      ServiceKind service,
      HolderKind holder,
      AuditStep step,
      AuditOutcome outcome,
      String clerkId) {
    if (step.isSession()) {
      throw new IllegalArgumentException("step " + step + " is a session step");
    }
    return new AuditEvent(
        step,
        outcome,
        clerkId,
        checkId("caseId", caseId),
        Objects.requireNonNull(service, "service"),
        Objects.requireNonNull(holder, "holder"),
        null,
        null,
        null,
        null);
  }

  public AuditEvent withError(ErrorCode code) {
    return with(Objects.requireNonNull(code, "code"), cardHolder, agent, policyNotApplied);
  }

  public AuditEvent withCardHolder(Person person) {
    return with(errorCode, Objects.requireNonNull(person, "person"), agent, policyNotApplied);
  }

  public AuditEvent withAgent(Person person) {
    return with(errorCode, cardHolder, Objects.requireNonNull(person, "person"), policyNotApplied);
  }

  /**
   * Marks a step the PIN policy could not judge, and why, as a wire name: {@code device_entry} when
   * the citizen typed the PIN inside a device that never hands the digits to PinDesk. Same shape
   * rule as an {@link ErrorCode} (lower-case snake case, no digits).
   */
  public AuditEvent withPolicyNotApplied(String reason) {
    return with(errorCode, cardHolder, agent, new ErrorCode(reason).wireName());
  }

  /** This event of the same step, case and clerk with the optional members given. */
  private AuditEvent with(
      ErrorCode errorCode, Person cardHolder, Person agent, String policyNotApplied) {
    return new AuditEvent(
        step,
        outcome,
        clerkId,
        caseId,
        service,
        holder,
        errorCode,
        cardHolder,
        agent,
        policyNotApplied);
  }

  private static String checkId(String what, String value) {
    if (value == null || !ID_SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(what + ": 1..64 of [A-Za-z0-9._-]");
    }
    return value;
  }

  public AuditStep step() {
    return step;
  }

  public AuditOutcome outcome() {
    return outcome;
  }

  public String clerkId() {
    return clerkId;
  }

  public Optional<String> caseId() {
    return Optional.ofNullable(caseId);
  }

  public Optional<ServiceKind> service() {
    return Optional.ofNullable(service);
  }

  public Optional<HolderKind> holder() {
    return Optional.ofNullable(holder);
  }

  public Optional<ErrorCode> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  public Optional<Person> cardHolder() {
    return Optional.ofNullable(cardHolder);
  }

  public Optional<Person> agent() {
    return Optional.ofNullable(agent);
  }

  /** Why the PIN policy did not judge this step's PIN ({@code device_entry}), if it did not. */
  public Optional<String> policyNotApplied() {
    return Optional.ofNullable(policyNotApplied);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditEvent e
        && step == e.step
        && outcome == e.outcome
        && clerkId.equals(e.clerkId)
        && Objects.equals(caseId, e.caseId)
        && service == e.service
        && holder == e.holder
        && Objects.equals(errorCode, e.errorCode)
        && Objects.equals(cardHolder, e.cardHolder)
        && Objects.equals(agent, e.agent)
        && Objects.equals(policyNotApplied, e.policyNotApplied);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, outcome, clerkId, caseId, service, holder, errorCode);
  }

  @Override
  public String toString() {
    return "AuditEvent["
        + step.wireName()
        + "/"
        + outcome.wireName()
        + (caseId == null ? "" : " case " + caseId)
        + (errorCode == null ? "" : " " + errorCode.wireName())
        + (policyNotApplied == null ? "" : " policy_not_applied " + policyNotApplied)
        + (cardHolder == null ? "" : " " + cardHolder)
        + "]";
  }
}
