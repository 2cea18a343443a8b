package dev.pindesk.service.counter;

import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.pin.CitizenNumbers;
import dev.pindesk.domain.reset.CancelReason;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseSnapshot;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.domain.reset.Receipt;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.CitizenPinEntry;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.ports.PinPad;
import dev.pindesk.ports.ReceiptPrinter;
import dev.pindesk.service.ReaderChoice;
import dev.pindesk.service.SecurityModuleFeed;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.service.signin.IdleLock;
import dev.pindesk.service.signin.SignInResult;
import dev.pindesk.service.signin.SignInService;
import dev.pindesk.service.sync.SyncStatusFeed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counter session in the counter's own process: the case service, the sign-in and idle lock,
 * the customer's PIN pad and the receipt printer, each kind of work on its own executor ({@link
 * SessionExecutors}). Built by the composition root of each mode.
 */
public final class LocalCounterSession implements CounterSession {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCounterSession.class);

  /**
   * What the session is built from.
   *
   * @param pinEntry where the citizen types PINs: the customer PIN pad, or the keypad of the
   *     certified reader the case service drives
   * @param journal where sign-ins are journaled (the case service journals the case)
   */
  public record Parts(
      CounterInfo info,
      ResetCaseService cases,
      CardTerminals terminals,
      CitizenPinEntry pinEntry,
      ReceiptPrinter receipts,
      SignInService signIn,
      IdleLock idleLock,
      JournalStore journal,
      SyncStatusFeed sync,
      SecurityModuleFeed securityModule,
      Clock clock) {

    public Parts {
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(cases, "cases");
      Objects.requireNonNull(terminals, "terminals");
      Objects.requireNonNull(pinEntry, "pinEntry");
      if (cases.onCertifiedReader() == pinEntry.seesDigits()) {
        throw new IllegalArgumentException(
            "the case service and the PIN entry must agree on the certified reader");
      }
      Objects.requireNonNull(receipts, "receipts");
      Objects.requireNonNull(signIn, "signIn");
      Objects.requireNonNull(idleLock, "idleLock");
      Objects.requireNonNull(journal, "journal");
      Objects.requireNonNull(sync, "sync");
      Objects.requireNonNull(securityModule, "securityModule");
      Objects.requireNonNull(clock, "clock");
    }
  }

  private final Parts parts;
  private final SessionExecutors executors;
  private final CaseSteps steps;
  private final List<Consumer<? super CounterEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile Optional<CounterEvent> lastSync = Optional.empty();
  private volatile Optional<CounterEvent> lastSecurityModule = Optional.empty();
  private volatile PinEntryFlow pinEntry;

  public LocalCounterSession(Parts parts, SessionExecutors executors) {
    this.parts = Objects.requireNonNull(parts, "parts");
    this.executors = Objects.requireNonNull(executors, "executors");
    this.steps = new CaseSteps(parts.cases(), executors.cases(), this::publish);
    parts
        .sync()
        .subscribe(
            s -> {
              CounterEvent e = new CounterEvent.SyncChanged(s);
              lastSync = Optional.of(e);
              publish(e);
            });
    parts
        .securityModule()
        .subscribe(
            s -> {
              CounterEvent e = new CounterEvent.SecurityModuleChanged(s);
              lastSecurityModule = Optional.of(e);
              publish(e);
            });
  }

  @Override
  public CounterInfo info() {
    return parts.info();
  }

  @Override
  public AutoCloseable subscribe(Consumer<? super CounterEvent> listener) {
    listeners.add(listener);
    lastSync.ifPresent(listener::accept);
    lastSecurityModule.ifPresent(listener::accept);
    return () -> listeners.remove(listener);
  }

  private void publish(CounterEvent event) {
    for (Consumer<? super CounterEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.error("a counter event listener failed", e);
      }
    }
  }

  @Override
  public CompletionStage<SignInResult> signIn(String operatorId, char[] password) {
    return on(
        executors.clerk(),
        () -> {
          SignInResult result;
          try {
            result = parts.signIn().signIn(operatorId, password);
          } finally {
            Secrets.wipe(password);
          }
          result.operator().ifPresent(this::signedIn);
          return result;
        },
        () -> Secrets.wipe(password));
  }

  private void signedIn(dev.pindesk.domain.operator.Operator operator) {
    parts.idleLock().unlock();
    try {
      parts
          .journal()
          .append(AuditEvent.session(AuditStep.CLERK_SIGNED_IN, AuditOutcome.OK, operator.id()));
    } catch (JournalException e) {
      LOG.error("sign-in not journaled: {}", e.getMessage());
    }
  }

  @Override
  public void activity() {
    parts.idleLock().touch();
  }

  @Override
  public boolean idleLocked() {
    return parts.idleLock().isLocked();
  }

  @Override
  public CompletionStage<CaseSnapshot> openCase(
      ServiceKind service, HolderKind holder, String clerk) {
    return steps.run(() -> parts.cases().open(service, holder, clerk));
  }

  @Override
  public CompletionStage<CaseTransition> checkId(
      CaseParties parties, CitizenNumbers citizenNumbers) {
    return steps.run(() -> parts.cases().checkId(parties, citizenNumbers));
  }

  @Override
  public CompletionStage<CardBinding> readCard(boolean warningsConfirmed) {
    return steps.run(
        () -> {
          // A certified reader is the only reader of its counter: no PC/SC reader to choose.
          String reader =
              parts.cases().onCertifiedReader()
                  ? ""
                  : ReaderChoice.choose(parts.terminals(), Optional.empty());
          var card = parts.cases().readCard(reader);
          return new CardBinding(card, parts.cases().bind(warningsConfirmed));
        });
  }

  @Override
  public CompletionStage<PinEntryOutcome> enterPin() {
    if (!(parts.pinEntry() instanceof CitizenPinEntry.OnPad onPad)) {
      return steps.run(
          () -> {
            parts.cases().pinEntryOnDevice();
            return PinEntryOutcome.ON_DEVICE;
          });
    }
    cancelPinEntry();
    PinEntryFlow flow = new PinEntryFlow(steps, onPad.pad(), this::publish);
    pinEntry = flow;
    return steps
        .run(
            () ->
                parts
                    .cases()
                    .snapshot()
                    .map(c -> c.service() == ServiceKind.CHANGE_INITIAL)
                    .orElse(false))
        .thenCompose(oldPinFirst -> flow.start(oldPinFirst));
  }

  @Override
  public void cancelPinEntry() {
    PinEntryFlow running = pinEntry;
    if (running != null) {
      running.cancel();
    }
  }

  @Override
  public CompletionStage<WriteOutcome> write() {
    return steps.run(
        () ->
            onKeypad(
                keypadPrompt(),
                () -> new WriteOutcome(parts.cases().write(), parts.cases().lastWrite())));
  }

  @Override
  public CompletionStage<WriteOutcome> resolveInDoubt(boolean mayUseLastTry) {
    return steps.run(
        () ->
            onKeypad(
                // the check of an in-doubt write: the new PIN once more, on the keypad
                mayUseLastTry ? Optional.of(PinPad.Prompt.CONFIRM_NEW_PIN) : Optional.empty(),
                () ->
                    new WriteOutcome(
                        parts.cases().resolveInDoubt(mayUseLastTry), parts.cases().lastWrite())));
  }

  /**
   * What the certified reader's keypad will ask the citizen for first during the write: the current
   * PIN of a change, else the new PIN; nothing for an unlock's unblock (it takes no PIN), but its
   * reload does.
   */
  private Optional<PinPad.Prompt> keypadPrompt() {
    return parts
        .cases()
        .snapshot()
        .map(
            c ->
                c.service() == ServiceKind.CHANGE_INITIAL
                    ? PinPad.Prompt.OLD_PIN
                    : PinPad.Prompt.NEW_PIN);
  }

  /**
   * Runs {@code work} (on the case thread), telling the screens while the certified reader's keypad
   * waits for the citizen; on a PIN-pad counter it only runs it.
   */
  private <T> T onKeypad(Optional<PinPad.Prompt> prompt, Supplier<T> work) {
    if (parts.pinEntry().seesDigits() || prompt.isEmpty()) {
      return work.get();
    }
    publish(new CounterEvent.KeypadWaiting(prompt));
    try {
      return work.get();
    } finally {
      publish(new CounterEvent.KeypadWaiting(Optional.empty()));
    }
  }

  @Override
  public CompletionStage<CaseTransition> cancel(CancelReason reason) {
    cancelPinEntry();
    return steps.run(() -> parts.cases().cancel(reason));
  }

  @Override
  public CompletionStage<CaseTransition> close() {
    return steps.run(parts.cases()::close);
  }

  @Override
  public CompletionStage<Path> saveReceipt(ReceiptRequest request) {
    return receipt(request)
        .thenCompose(
            r -> on(executors.receipts(), () -> parts.receipts().render(r, request.locale())));
  }

  @Override
  public CompletionStage<PrintedReceipt> printReceipt(ReceiptRequest request) {
    return receipt(request)
        .thenCompose(r -> on(executors.receipts(), () -> print(r, request.locale())))
        .thenCompose(this::journalPrint);
  }

  /** One print attempt: the PDF, whether a job was sent, or why the job failed. */
  private record PrintAttempt(
      Path path, boolean sent, Optional<ReceiptPrinter.ReceiptException> failure) {}

  private PrintAttempt print(Receipt receipt, java.util.Locale locale) {
    Path path = parts.receipts().render(receipt, locale);
    try {
      return new PrintAttempt(path, parts.receipts().print(path), Optional.empty());
    } catch (ReceiptPrinter.ReceiptException e) {
      if (!"receipt.not_printed".equals(e.messageKey())) {
        // A counter without any printer: its configuration, the same for every case.
        throw e;
      }
      // A failed job is an event of the case, journaled before it is reported; the PDF is kept.
      return new PrintAttempt(path, false, Optional.of(e));
    }
  }

  private CompletionStage<PrintedReceipt> journalPrint(PrintAttempt attempt) {
    return steps.run(
        () -> {
          if (attempt.failure().isPresent()) {
            parts.cases().receiptNotPrinted();
            throw attempt.failure().get();
          }
          if (attempt.sent()) {
            parts.cases().receiptPrinted();
          }
          return new PrintedReceipt(attempt.path(), attempt.sent());
        });
  }

  /** The receipt of the case, read on the case's executor (the case is only touched there). */
  private CompletionStage<Receipt> receipt(ReceiptRequest request) {
    return steps.run(
        () ->
            parts
                .cases()
                .receipt(
                    LocalDateTime.now(parts.clock()),
                    parts.info().workstation(),
                    request.operator(),
                    parts.info().training()));
  }

  /** {@code work} on {@code executor}; {@code refused} runs when the executor is shut down. */
  private static <T> CompletionStage<T> on(
      java.util.concurrent.Executor executor, Supplier<T> work, Runnable refused) {
    try {
      return CompletableFuture.supplyAsync(work, executor);
    } catch (RejectedExecutionException e) {
      refused.run();
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T> CompletionStage<T> on(
      java.util.concurrent.Executor executor, Supplier<T> work) {
    return on(executor, work, () -> {});
  }
}
