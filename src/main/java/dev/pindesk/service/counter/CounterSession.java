package dev.pindesk.service.counter;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.pin.CitizenNumbers;
import dev.pindesk.domain.reset.CancelReason;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseSnapshot;
import dev.pindesk.domain.reset.CaseTransition;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The one object the counter's window talks to: requests in, immutable replies and events out. It
 * hides the journal, the readers, the security module, the customer's PIN pad, the receipt printer
 * and the sync behind it; the window never holds one of them (ADR 0027).
 *
 * <p>Message-shaped on purpose: every request returns at once with a stage that completes with an
 * immutable value (or a failure carrying a message key: {@code CardException}, {@code
 * ReceiptException}, {@code NotRecordedException}); what the counter wants the window to know
 * between requests arrives as a {@link CounterEvent}. No JavaFX type and no callback into the
 * window crosses it, so a second implementation can sit behind a local socket, and a PIN entry on a
 * device reports its progress the same way as the on-screen pad does. Stages complete on the
 * session's own threads: the window hands them to its UI executor.
 *
 * <p>Every request that touches the case publishes a {@link CounterEvent.CaseChanged} before its
 * stage completes, so a window that follows the events sees the case's new state first.
 */
public interface CounterSession extends ClerkSession {

  /** What this counter is, for the title, the status bar and the receipts. */
  CounterInfo info();

  /**
   * Sends every event from now on to {@code listener} (on the session's threads), starting with the
   * current sync and security-module state.
   *
   * @return closing it stops the deliveries
   */
  AutoCloseable subscribe(Consumer<? super CounterEvent> listener);

  // --- the case ----------------------------------------------------------------------------

  /** Opens a case for {@code service} (journaled). */
  CompletionStage<CaseSnapshot> openCase(ServiceKind service, HolderKind holder, String clerk);

  /** Records the checked ID documents, and the numbers the citizen's PIN must not contain. */
  CompletionStage<CaseTransition> checkId(CaseParties parties, CitizenNumbers citizenNumbers);

  /**
   * Reads the card in the first reader holding one and binds it to the checked IDs; {@code
   * warningsConfirmed} when the clerk has confirmed the binding's warnings.
   */
  CompletionStage<CardBinding> readCard(boolean warningsConfirmed);

  /**
   * The citizen's PIN entry on the counter's PIN pad: the current PIN first for a change of the
   * initial PIN, then the new PIN twice; a weak PIN or a mismatch starts the entry again, with its
   * reason. Progress (which entry, how many digits, why it restarted) arrives as {@link
   * CounterEvent.PinEntryProgress}; the digits never leave the session. Completes when the PIN is
   * captured or the entry ended without one.
   */
  CompletionStage<PinEntryOutcome> enterPin();

  /** Ends a running PIN entry ({@link PinEntryOutcome#CANCELLED}); nothing when none runs. */
  void cancelPinEntry();

  /** Writes the captured PIN, the card re-read first (a swapped card is never written). */
  CompletionStage<WriteOutcome> write();

  /** Settles an in-doubt write by re-reading and verifying; never writes twice. */
  CompletionStage<WriteOutcome> resolveInDoubt(boolean mayUseLastTry);

  /** Cancels the open case (journaled). */
  CompletionStage<CaseTransition> cancel(CancelReason reason);

  /** Closes the case once its PIN is written (journaled). */
  CompletionStage<CaseTransition> close();

  /** Writes the receipt of the case to a PDF file; completes with where it went. */
  CompletionStage<Path> saveReceipt(ReceiptRequest request);

  /**
   * Writes the receipt, then prints it through the print dialog; a sent job is journaled ({@code
   * receipt_printed}), a failed one too ({@code receipt_not_printed}), a cancelled dialog is not.
   */
  CompletionStage<PrintedReceipt> printReceipt(ReceiptRequest request);
}
