package dev.pindesk.ui.wizard;

import dev.pindesk.domain.reset.CancelReason;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.ui.common.DialogService;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What closing the counter window does to the case at hand: nothing when none is open; wait while
 * card or journal work runs; otherwise the case is ended in the journal first — cancelled by the
 * clerk, or closed once the PIN is written — so the journal never keeps a case without an end.
 */
public final class WindowClosing {
  private static final Logger LOG = LoggerFactory.getLogger(WindowClosing.class);

  /** The case at hand, as closing the window sees it. */
  public enum State {
    /** No case, or it has ended: the window may close. */
    NOTHING_OPEN,
    /** Card or journal work is under way: the window must wait for it. */
    BUSY,
    /** A case is open: closing cancels it. */
    CASE_OPEN,
    /** The new PIN is on the card: closing ends the case without a receipt. */
    CASE_WRITTEN
  }

  private final WizardViewModel model;
  private final CounterSession session;

  WindowClosing(WizardViewModel model, CounterSession session) {
    this.model = model;
    this.session = session;
  }

  public State state() {
    if (model.busyProperty().get()) {
      return State.BUSY;
    }
    Optional<CaseState> s = model.caseStateProperty().get();
    if (s.isEmpty() || s.get().isFinal()) {
      return State.NOTHING_OPEN;
    }
    return s.get() == CaseState.WRITTEN ? State.CASE_WRITTEN : State.CASE_OPEN;
  }

  /**
   * The window's close button: with a case open the clerk confirms (Enter keeps the case), and the
   * case is ended in the journal — cancelled, or closed once the PIN is written — before {@code
   * exit} runs; while card or journal work runs the clerk is told to wait. Nothing is asked when no
   * case is open.
   *
   * @return true when the window must stay open for now (the close request is consumed)
   */
  public boolean closeRequested(DialogService dialogs, Runnable exit) {
    State what = state();
    if (what == State.NOTHING_OPEN) {
      return false;
    }
    Messages m = model.messages().get();
    if (what == State.BUSY) {
      dialogs.inform(m.get("close.title"), m.get("close.busy"));
      return true;
    }
    String key = what == State.CASE_WRITTEN ? "close.written_case" : "close.open_case";
    boolean close =
        dialogs.confirm(
            new DialogService.Confirmation(
                "closeConfirm",
                m.get("close.title"),
                m.get(key, model.caseIdProperty().get()),
                m.get("close.confirm"),
                m.get("close.stay")));
    if (close && !endCaseThen(exit)) {
      // The PIN pad finished (or timed out) while the clerk was asked: that step is being written.
      dialogs.inform(m.get("close.title"), m.get("close.busy"));
    }
    return true;
  }

  /**
   * Ends the open case, then runs {@code then} on the FX thread — also when the journal refused
   * (the failure is in the log, and the journal then shows the case as left open).
   *
   * @return false, and nothing done, when card or journal work started meanwhile (the citizen
   *     finished on the PIN pad while the clerk was asked): the window must stay open
   */
  public boolean endCaseThen(Runnable then) {
    State what = state();
    if (what == State.BUSY) {
      return false;
    }
    model.pin().stop();
    if (what == State.NOTHING_OPEN) {
      then.run();
      return true;
    }
    CompletionStage<CaseTransition> end =
        what == State.CASE_WRITTEN ? session.close() : session.cancel(CancelReason.CLERK_ABORTED);
    model.busyProperty().set(true);
    model
        .runner()
        .deliver(
            end,
            t -> then.run(),
            failure -> {
              LOG.error("the open case could not be ended before closing", failure);
              then.run();
            });
    return true;
  }
}
