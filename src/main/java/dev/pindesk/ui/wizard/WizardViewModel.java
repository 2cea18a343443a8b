package dev.pindesk.ui.wizard;

import dev.pindesk.card.CardSnapshot;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.pin.CitizenNumbers;
import dev.pindesk.domain.reset.BindingResult;
import dev.pindesk.domain.reset.CancelReason;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseSnapshot;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseStep;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.counter.CounterEvent;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.service.counter.WriteOutcome;
import dev.pindesk.ui.common.UiExecutor;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the clerk's wizard and the actions of its buttons. Every case step runs in the
 * background through the case service, which journals it durably before this model moves on.
 */
public final class WizardViewModel {
  private final CounterSession session;
  private final UiExecutor runner;
  private final ObjectProperty<Messages> messages;
  private final boolean training;
  private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(WizardStep.SERVICE);
  private final ObjectProperty<ServiceKind> service = new SimpleObjectProperty<>(ServiceKind.RESET);
  private final ObjectProperty<HolderKind> holder =
      new SimpleObjectProperty<>(HolderKind.IN_PERSON);
  private final IdDocumentFormModel holderId;
  private final IdDocumentFormModel agentId;
  private final StringProperty holderPhone = new SimpleStringProperty("");
  private final StringProperty holderBankAccount = new SimpleStringProperty("");
  private final StringProperty operatorId = new SimpleStringProperty("");
  private final StringProperty operatorName = new SimpleStringProperty("");
  private final ObjectProperty<Optional<Notice>> notice =
      new SimpleObjectProperty<>(Optional.empty());
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final ObjectProperty<Optional<CardSnapshot>> card =
      new SimpleObjectProperty<>(Optional.empty());
  private final ObjectProperty<Optional<BindingResult>> binding =
      new SimpleObjectProperty<>(Optional.empty());
  private final BooleanProperty warningsConfirmed = new SimpleBooleanProperty();
  private final ObjectProperty<Optional<CaseSnapshot>> caseSnapshot =
      new SimpleObjectProperty<>(Optional.empty());
  private final ObjectProperty<Optional<CaseState>> caseState =
      new SimpleObjectProperty<>(Optional.empty());
  private final StringProperty caseId = new SimpleStringProperty("");
  private final PinCapture pin;
  private final ReceiptActions receipt;
  private final WindowClosing closing;
  private final BooleanBinding agent;
  private final BooleanBinding canGoNext;
  private final BooleanBinding canGoBack;
  private final BooleanBinding canCancel;
  private final BooleanBinding canWrite;

  /**
   * @param session the counter this wizard drives
   * @param runner where the session's replies and events reach the wizard (the UI thread)
   * @param clock today's date for the ID documents' expiry
   */
  public WizardViewModel(CounterSession session, UiExecutor runner, Clock clock, Messages initial) {
    this.session = session;
    this.runner = runner;
    this.messages = new SimpleObjectProperty<>(initial);
    this.training = session.info().training();
    this.holderId = new IdDocumentFormModel(clock);
    this.agentId = new IdDocumentFormModel(clock);
    this.agent = holder.isEqualTo(HolderKind.AGENT);
    this.pin = new PinCapture(this, session);
    this.receipt = new ReceiptActions(this, session);
    this.closing = new WindowClosing(this, session);
    this.canGoNext =
        Bindings.createBooleanBinding(
            this::stepComplete,
            step,
            busy,
            caseSnapshot,
            holderId.completeBinding(),
            agentId.completeBinding(),
            agent);
    this.canGoBack =
        Bindings.createBooleanBinding(() -> step.get() == WizardStep.ID && !busy.get(), step, busy);
    this.canCancel = Bindings.createBooleanBinding(this::cancellable, step, busy, caseSnapshot);
    this.canWrite =
        Bindings.createBooleanBinding(
            () -> !busy.get() && caseAllows(CaseStep.WRITE), busy, caseSnapshot);
  }

  /**
   * Whether "Next" may be pressed: the ID forms are the wizard's own; every later step is done when
   * the case allows what the following step does (the rules live in the case, see {@link
   * CaseSnapshot}).
   */
  private boolean stepComplete() {
    if (busy.get()) {
      return false;
    }
    return switch (step.get()) {
      case SERVICE -> true;
      case ID ->
          holderId.completeBinding().get() && (!agent.get() || agentId.completeBinding().get());
      case CARD -> caseAllows(CaseStep.CAPTURE_PIN);
      case PIN -> caseAllows(CaseStep.WRITE);
      case WRITE, RECEIPT -> caseAllows(CaseStep.CLOSE);
    };
  }

  private boolean caseAllows(CaseStep caseStep) {
    return caseSnapshot.get().map(c -> c.allows(caseStep)).orElse(false);
  }

  /** Enter / Next: performs the step's case action, then moves on once it is journaled. */
  public void next() {
    if (!canGoNext.get()) {
      return;
    }
    switch (step.get()) {
      case SERVICE ->
          background(
              () -> session.openCase(service.get(), holder.get(), operatorId.get()),
              c -> moveTo(WizardStep.ID));
      case ID ->
          background(
              () ->
                  session.checkId(
                      parties(), CitizenNumbers.typed(holderPhone.get(), holderBankAccount.get())),
              t -> moveTo(WizardStep.CARD));
      case CARD -> {
        moveTo(WizardStep.PIN);
        pin.start();
      }
      case PIN -> moveTo(WizardStep.WRITE);
      case WRITE -> moveTo(WizardStep.RECEIPT);
      case RECEIPT -> closeCase();
    }
  }

  private CaseParties parties() {
    var h = holderId.document().orElseThrow();
    return agent.get()
        ? CaseParties.byAgent(h, agentId.document().orElseThrow())
        : CaseParties.inPerson(h);
  }

  /** Reads the card in the first reader holding one, then binds it to the checked IDs. */
  public void readCard() {
    card.set(Optional.empty());
    binding.set(Optional.empty());
    boolean confirmed = warningsConfirmed.get();
    background(
        () -> session.readCard(confirmed),
        r -> {
          card.set(Optional.of(r.card()));
          binding.set(Optional.of(r.binding()));
        });
  }

  /**
   * Whether the write may be sent: a PIN is captured and nothing runs. Never again once the case is
   * in doubt (the write is settled by checking, not by writing twice).
   */
  public BooleanBinding canWriteBinding() {
    return canWrite;
  }

  /** Writes the captured PIN (card re-read first by the service's swap guard). */
  public void write() {
    background(session::write, this::afterWrite);
  }

  /** Settles an in-doubt write by re-reading and verifying; never writes twice. */
  public void resolveInDoubt(boolean mayUseLastTry) {
    background(() -> session.resolveInDoubt(mayUseLastTry), this::afterWrite);
  }

  private void afterWrite(WriteOutcome outcome) {
    CaseTransition t = outcome.transition();
    if (t.error().isPresent()
        && (t.to() == CaseState.IDENTITY_BOUND || t.to() == CaseState.ID_CHECKED)) {
      // Move first: moving clears the notice, and the clerk must see why the step went back.
      moveTo(t.to() == CaseState.ID_CHECKED ? WizardStep.CARD : WizardStep.PIN);
      if (t.to() == CaseState.IDENTITY_BOUND) {
        pin.start();
      }
    }
    WriteNotices.of(outcome).ifPresent(n -> notice.set(Optional.of(n)));
  }

  private void closeCase() {
    background(session::close, t -> reset());
  }

  /**
   * Whether the case can be cancelled now: not once the new PIN is on the card (the case can only
   * be closed then, with its receipt), nor while the write is under way.
   */
  public BooleanBinding canCancelBinding() {
    return canCancel;
  }

  private boolean cancellable() {
    if (busy.get() && step.get() == WizardStep.WRITE) {
      return false;
    }
    // A finished case (or none) only resets the wizard; an open one asks the case.
    return caseSnapshot.get().map(c -> c.cancellable() || c.state().isFinal()).orElse(true);
  }

  /** What closing the counter window does to the case at hand. */
  public WindowClosing closing() {
    return closing;
  }

  /** Cancels the open case (journaled) and starts over. */
  public void cancelCase() {
    if (!canCancel.get()) {
      return; // Alt+X reaches here even while the button is disabled
    }
    pin.stop();
    if (caseSnapshot.get().map(c -> !c.state().isFinal()).orElse(false)) {
      background(() -> session.cancel(CancelReason.CLERK_ABORTED), t -> reset());
    } else {
      reset();
    }
  }

  private void reset() {
    holderId.clear();
    agentId.clear();
    holderPhone.set("");
    holderBankAccount.set("");
    service.set(ServiceKind.RESET);
    holder.set(HolderKind.IN_PERSON);
    card.set(Optional.empty());
    binding.set(Optional.empty());
    warningsConfirmed.set(false);
    caseSnapshot.set(Optional.empty());
    caseState.set(Optional.empty());
    caseId.set("");
    notice.set(Optional.empty());
    step.set(WizardStep.SERVICE);
  }

  void moveTo(WizardStep next) {
    notice.set(Optional.empty());
    step.set(next);
  }

  /**
   * Sends a request to the session; its reply comes back on the UI thread (the case's new state
   * arrived before it, as an event), a failure as the clerk's notice.
   */
  <T> void background(Supplier<CompletionStage<T>> request, Consumer<T> then) {
    busy.set(true);
    runner.deliver(
        request.get(),
        result -> {
          busy.set(false);
          then.accept(result);
        },
        failure -> {
          busy.set(false);
          notice.set(Optional.of(Notice.failure(failure)));
        });
  }

  /**
   * Follows the session's events: the case's state and the PIN entry's progress (on the UI thread).
   * The counter window calls it once; a rehearsal's throwaway wizard never does.
   *
   * @return closing it stops following
   */
  public AutoCloseable follow() {
    return session.subscribe(runner.delivering(this::onEvent));
  }

  /** One event of the session, on the UI thread. */
  void onEvent(CounterEvent event) {
    if (event instanceof CounterEvent.CaseChanged changed) {
      Optional<CaseSnapshot> current = changed.caseNow();
      caseSnapshot.set(current);
      caseState.set(current.map(CaseSnapshot::state));
      caseId.set(current.map(CaseSnapshot::id).orElse(""));
    } else if (event instanceof CounterEvent.PinEntryProgress progress) {
      pin.progress(progress);
    } else if (event instanceof CounterEvent.KeypadWaiting waiting) {
      pin.keypad(waiting);
    }
  }

  public void switchLanguage() {
    boolean english = "en".equals(messages.get().locale().getLanguage());
    messages.set(Messages.of(english ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH));
  }

  public ObjectProperty<Messages> messages() {
    return messages;
  }

  /** What this wizard drives (the {@link StepRehearsal} builds its throwaway wizard on it). */
  CounterSession session() {
    return session;
  }

  UiExecutor runner() {
    return runner;
  }

  public boolean training() {
    return training;
  }

  public ObjectProperty<WizardStep> stepProperty() {
    return step;
  }

  public ObjectProperty<ServiceKind> serviceProperty() {
    return service;
  }

  public ObjectProperty<HolderKind> holderProperty() {
    return holder;
  }

  public BooleanBinding agentProperty() {
    return agent;
  }

  public IdDocumentFormModel holderIdForm() {
    return holderId;
  }

  public IdDocumentFormModel agentIdForm() {
    return agentId;
  }

  /** The citizen's phone number, optional: the PIN policy refuses its digits; never journaled. */
  public StringProperty holderPhoneProperty() {
    return holderPhone;
  }

  /**
   * The citizen's bank account number, optional: the PIN policy refuses its tail; never journaled.
   */
  public StringProperty holderBankAccountProperty() {
    return holderBankAccount;
  }

  public StringProperty operatorIdProperty() {
    return operatorId;
  }

  public StringProperty operatorNameProperty() {
    return operatorName;
  }

  public ObjectProperty<Optional<Notice>> noticeProperty() {
    return notice;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public ObjectProperty<Optional<CardSnapshot>> cardProperty() {
    return card;
  }

  public ObjectProperty<Optional<BindingResult>> bindingProperty() {
    return binding;
  }

  public BooleanProperty warningsConfirmedProperty() {
    return warningsConfirmed;
  }

  public ObjectProperty<Optional<CaseState>> caseStateProperty() {
    return caseState;
  }

  public StringProperty caseIdProperty() {
    return caseId;
  }

  public PinCapture pin() {
    return pin;
  }

  public ReceiptActions receipt() {
    return receipt;
  }

  public BooleanBinding canGoNextBinding() {
    return canGoNext;
  }

  public BooleanBinding canGoBackBinding() {
    return canGoBack;
  }

  /** Back from the ID step: the opened case is cancelled (journaled), the choices are kept. */
  public void back() {
    if (canGoBack.get()) {
      background(() -> session.cancel(CancelReason.CLERK_ABORTED), t -> moveTo(WizardStep.SERVICE));
    }
  }

  public StringBinding operatorTextBinding() {
    return Bindings.createStringBinding(
        () -> messages.get().get("wizard.operator", operatorName.get()), messages, operatorName);
  }
}
