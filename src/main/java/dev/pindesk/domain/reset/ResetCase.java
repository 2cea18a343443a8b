package dev.pindesk.domain.reset;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardErrorCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One citizen's PIN case as an explicit state machine (docs/architecture.md, ADR 0005). Every
 * change produces a {@link CaseTransition} that is handed to the sink <em>before</em> the state
 * changes: a sink that throws (the journal could not make it durable) leaves the case where it was.
 *
 * <p>Legal moves: {@code OPENED → ID_CHECKED → CARD_READ → IDENTITY_BOUND → PIN_CAPTURED → WRITTEN
 * → CLOSED}; a card may be read again in {@code CARD_READ} / {@code IDENTITY_BOUND}; a write ends
 * {@code WRITTEN}, {@code IN_DOUBT}, back in {@code IDENTITY_BOUND} (definitely not written) or
 * {@code ID_CHECKED} (card swapped: read again); {@code IN_DOUBT} resolves to {@code WRITTEN} or
 * {@code IDENTITY_BOUND}; {@link CaseState#isCancellable()} states may be cancelled. Anything else
 * throws {@link IllegalStateException} naming both states.
 */
public final class ResetCase {
  private static final Map<CaseState, Set<CaseState>> NEXT = new EnumMap<>(CaseState.class);

  static {
    NEXT.put(CaseState.OPENED, EnumSet.of(CaseState.ID_CHECKED));
    NEXT.put(CaseState.ID_CHECKED, EnumSet.of(CaseState.CARD_READ));
    NEXT.put(CaseState.CARD_READ, EnumSet.of(CaseState.CARD_READ, CaseState.IDENTITY_BOUND));
    NEXT.put(CaseState.IDENTITY_BOUND, EnumSet.of(CaseState.CARD_READ, CaseState.PIN_CAPTURED));
    NEXT.put(
        CaseState.PIN_CAPTURED,
        EnumSet.of(
            CaseState.PIN_CAPTURED,
            CaseState.WRITTEN,
            CaseState.IN_DOUBT,
            CaseState.IDENTITY_BOUND,
            CaseState.ID_CHECKED));
    NEXT.put(CaseState.IN_DOUBT, EnumSet.of(CaseState.WRITTEN, CaseState.IDENTITY_BOUND));
    NEXT.put(CaseState.WRITTEN, EnumSet.of(CaseState.CLOSED));
    NEXT.put(CaseState.CLOSED, EnumSet.noneOf(CaseState.class));
    NEXT.put(CaseState.CANCELLED, EnumSet.noneOf(CaseState.class));
  }

  /**
   * The steps each state allows: the one place that says what may happen next (the service checks
   * it before any device I/O; the wizard enables its buttons from a {@link CaseSnapshot}).
   */
  private static final Map<CaseState, Set<CaseStep>> ALLOWED = new EnumMap<>(CaseState.class);

  static {
    ALLOWED.put(CaseState.OPENED, EnumSet.of(CaseStep.CHECK_ID, CaseStep.CANCEL));
    ALLOWED.put(CaseState.ID_CHECKED, EnumSet.of(CaseStep.READ_CARD, CaseStep.CANCEL));
    ALLOWED.put(
        CaseState.CARD_READ, EnumSet.of(CaseStep.READ_CARD, CaseStep.BIND, CaseStep.CANCEL));
    ALLOWED.put(
        CaseState.IDENTITY_BOUND,
        EnumSet.of(CaseStep.READ_CARD, CaseStep.CAPTURE_PIN, CaseStep.CANCEL));
    ALLOWED.put(
        CaseState.PIN_CAPTURED, EnumSet.of(CaseStep.CAPTURE_PIN, CaseStep.WRITE, CaseStep.CANCEL));
    ALLOWED.put(CaseState.IN_DOUBT, EnumSet.of(CaseStep.RESOLVE_IN_DOUBT, CaseStep.CANCEL));
    ALLOWED.put(CaseState.WRITTEN, EnumSet.of(CaseStep.PRINT_RECEIPT, CaseStep.CLOSE));
    ALLOWED.put(CaseState.CLOSED, EnumSet.noneOf(CaseStep.class));
    ALLOWED.put(CaseState.CANCELLED, EnumSet.noneOf(CaseStep.class));
  }

  private final String id;
  private final ServiceKind service;
  private final HolderKind holderKind;
  private final String clerk;
  private final Clock clock;
  private final Consumer<CaseTransition> sink;
  private final List<CaseTransition> history = new ArrayList<>();
  private CaseState state = CaseState.OPENED;
  private CaseParties parties;
  private CardFacts card;
  private BoundCard bound;
  private CancelReason cancelReason;

  private ResetCase(
      String id,
      ServiceKind service,
      HolderKind holderKind,
      String clerk,
      Clock clock,
      Consumer<CaseTransition> sink) {
    this.id = Objects.requireNonNull(id, "id");
    this.service = Objects.requireNonNull(service, "service");
    this.holderKind = Objects.requireNonNull(holderKind, "holderKind");
    this.clerk = Objects.requireNonNull(clerk, "clerk");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Opens a case; its first transition ({@code OPENED → OPENED}, step {@code open}) is sunk. */
  public static ResetCase open(
      String id,
      ServiceKind service,
      HolderKind holderKind,
      String clerk,
      Clock clock,
      Consumer<CaseTransition> sink) {
    ResetCase c = new ResetCase(id, service, holderKind, clerk, clock, sink);
    c.record(CaseState.OPENED, CaseStep.OPEN, CaseOutcome.OK, null);
    return c;
  }

  /** The ID(s) passed their checks; their kind must match the case's holder kind. */
  public CaseTransition idChecked(CaseParties checked) {
    if (checked.kind() != holderKind) {
      throw new IllegalArgumentException("case is " + holderKind + ", IDs are " + checked.kind());
    }
    requireState(CaseState.OPENED, CaseState.ID_CHECKED);
    parties = checked;
    return move(CaseState.ID_CHECKED, CaseStep.CHECK_ID, CaseOutcome.OK, null);
  }

  /** A card was read (again); a previous binding no longer holds. */
  public CaseTransition cardRead(CardFacts facts) {
    requireState(state, CaseState.CARD_READ);
    CaseTransition t = move(CaseState.CARD_READ, CaseStep.READ_CARD, CaseOutcome.OK, null);
    card = facts;
    bound = null;
    return t;
  }

  /** ID and card belong together (the caller ran {@link IdentityBinding}). */
  public CaseTransition bound() {
    requireState(state, CaseState.IDENTITY_BOUND);
    CaseTransition t = move(CaseState.IDENTITY_BOUND, CaseStep.BIND, CaseOutcome.OK, null);
    bound = card.identity();
    return t;
  }

  /** An acceptable new PIN was entered twice (the PIN itself stays with the caller). */
  public CaseTransition pinCaptured() {
    return move(CaseState.PIN_CAPTURED, CaseStep.CAPTURE_PIN, CaseOutcome.OK, null);
  }

  /**
   * The new PIN will be typed inside the device that writes it (a certified reader's keypad): the
   * case may go on to the write, and the journal records that the PIN policy cannot judge this PIN
   * ({@code policy_not_applied: device_entry}).
   */
  public CaseTransition pinEntryOnDevice() {
    requireState(state, CaseState.PIN_CAPTURED);
    return record(
        CaseState.PIN_CAPTURED,
        CaseStep.CAPTURE_PIN,
        CaseOutcome.OK,
        null,
        Optional.of(PolicyNotApplied.DEVICE_ENTRY));
  }

  /** The card confirmed the write; {@code step} is {@code WRITE} or {@code RESOLVE_IN_DOUBT}. */
  public CaseTransition written(CaseStep step) {
    return move(CaseState.WRITTEN, step, CaseOutcome.OK, null);
  }

  /** The write was sent but its answer was lost ({@code cause}: what the transport said). */
  public CaseTransition inDoubt(CardErrorCode cause) {
    return move(CaseState.IN_DOUBT, CaseStep.WRITE, CaseOutcome.IN_DOUBT, CaseError.card(cause));
  }

  /** The PIN is definitely not written; a new PIN must be captured. */
  public CaseTransition notWritten(CaseStep step, CaseError error) {
    return move(CaseState.IDENTITY_BOUND, step, CaseOutcome.REFUSED, error);
  }

  /** A different card is in the reader: the card must be read and bound again. */
  public CaseTransition cardSwapped() {
    requireState(CaseState.PIN_CAPTURED, CaseState.ID_CHECKED);
    CaseTransition t =
        move(
            CaseState.ID_CHECKED,
            CaseStep.WRITE,
            CaseOutcome.REFUSED,
            CaseError.Refusal.CARD_SWAPPED);
    card = null;
    bound = null;
    return t;
  }

  /** Records a refused attempt of {@code step}; the state does not change. */
  public CaseTransition refused(CaseStep step, CaseError error) {
    if (state.isFinal()) {
      throw new IllegalStateException("case " + id + " is " + state + ": nothing more to record");
    }
    return record(state, step, CaseOutcome.REFUSED, error);
  }

  /**
   * Records that the citizen's receipt was sent to a printer; the case stays {@code WRITTEN} (a
   * receipt may be printed again).
   *
   * @throws IllegalStateException unless the case is {@code WRITTEN}
   */
  public CaseTransition receiptPrinted() {
    if (state != CaseState.WRITTEN) {
      throw new IllegalStateException("illegal transition " + state + " -> receipt printed");
    }
    return record(state, CaseStep.PRINT_RECEIPT, CaseOutcome.OK, null);
  }

  public CaseTransition close() {
    return move(CaseState.CLOSED, CaseStep.CLOSE, CaseOutcome.OK, null);
  }

  /**
   * Cancels the case.
   *
   * @throws IllegalStateException when the state is not {@link CaseState#isCancellable()}
   */
  public CaseTransition cancel(CancelReason reason) {
    if (!state.isCancellable()) {
      throw new IllegalStateException("illegal transition " + state + " -> CANCELLED");
    }
    CaseTransition t =
        record(
            CaseState.CANCELLED,
            CaseStep.CANCEL,
            CaseOutcome.CANCELLED,
            new CaseError.Cancelled(reason));
    cancelReason = reason;
    return t;
  }

  /** {@code error} is {@code null} for a step that went through. */
  private CaseTransition move(CaseState to, CaseStep step, CaseOutcome outcome, CaseError error) {
    requireState(state, to);
    return record(to, step, outcome, error);
  }

  private void requireState(CaseState from, CaseState to) {
    if (state != from || !NEXT.get(from).contains(to)) {
      throw new IllegalStateException("illegal transition " + state + " -> " + to);
    }
  }

  private CaseTransition record(CaseState to, CaseStep step, CaseOutcome outcome, CaseError error) {
    return record(to, step, outcome, error, Optional.empty());
  }

  private CaseTransition record(
      CaseState to,
      CaseStep step,
      CaseOutcome outcome,
      CaseError error,
      Optional<PolicyNotApplied> policyNotApplied) {
    CaseTransition t =
        new CaseTransition(
            id,
            service,
            holderKind,
            clerk,
            history.isEmpty() ? CaseState.OPENED : state,
            to,
            clock.instant(),
            step,
            outcome,
            Optional.ofNullable(error),
            parties == null ? "" : parties.holder().id().masked(),
            parties == null ? "" : parties.agent().map(a -> a.id().masked()).orElse(""),
            parties,
            policyNotApplied);
    sink.accept(t); // may throw: then nothing changed
    history.add(t);
    state = to;
    return t;
  }

  /** Whether {@code step} may be taken in the case's current state. */
  public boolean allows(CaseStep step) {
    return ALLOWED.get(state).contains(step);
  }

  /**
   * @throws IllegalStateException naming the state and the step, when the step is not allowed now
   */
  public void requireAllowed(CaseStep step) {
    if (!allows(step)) {
      throw new IllegalStateException("case is " + state + ": " + step.wireName() + " not allowed");
    }
  }

  /** The case as the wizard shows it: no documents, no card data. */
  public CaseSnapshot snapshot() {
    return new CaseSnapshot(
        id,
        service,
        holderKind,
        state,
        ALLOWED.get(state),
        history.isEmpty() ? Optional.empty() : history.get(history.size() - 1).error());
  }

  public String id() {
    return id;
  }

  public ServiceKind service() {
    return service;
  }

  public HolderKind holderKind() {
    return holderKind;
  }

  public CaseState state() {
    return state;
  }

  /** The checked IDs, from {@code ID_CHECKED} on. */
  public Optional<CaseParties> parties() {
    return Optional.ofNullable(parties);
  }

  /** The card last read, until the case is bound to another or a swap is detected. */
  public Optional<CardFacts> card() {
    return Optional.ofNullable(card);
  }

  /** The card the case is bound to, from {@code IDENTITY_BOUND} on. */
  public Optional<BoundCard> boundCard() {
    return Optional.ofNullable(bound);
  }

  public Optional<CancelReason> cancelReason() {
    return Optional.ofNullable(cancelReason);
  }

  /** Every transition so far, oldest first. */
  public List<CaseTransition> history() {
    return List.copyOf(history);
  }

  @Override
  public String toString() {
    return "ResetCase[" + id + ", " + service + ", " + holderKind + ", " + state + "]";
  }
}
