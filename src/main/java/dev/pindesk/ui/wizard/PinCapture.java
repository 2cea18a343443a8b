package dev.pindesk.ui.wizard;

import dev.pindesk.ports.PinPad;
import dev.pindesk.service.counter.CounterEvent;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.service.counter.PinEntryOutcome;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The new-PIN step as the clerk sees it: the session runs the citizen's entry on the PIN pad (two
 * entries, the policy judging the first before the second is asked for, a weak PIN or a mismatch
 * starting again with its reason); this model only follows its progress — which entry, how many
 * digits, why it restarted — and says how it ended. No PIN ever reaches it.
 */
public final class PinCapture {
  private final WizardViewModel model;
  private final CounterSession session;
  private final IntegerProperty entry = new SimpleIntegerProperty();
  private final IntegerProperty digits = new SimpleIntegerProperty();
  private final ObjectProperty<PinPad.Prompt> prompt =
      new SimpleObjectProperty<>(PinPad.Prompt.NEW_PIN);
  private final BooleanProperty onDevice = new SimpleBooleanProperty();
  private final ObjectProperty<Optional<PinPad.Prompt>> keypad =
      new SimpleObjectProperty<>(Optional.empty());

  PinCapture(WizardViewModel model, CounterSession session) {
    this.model = model;
    this.session = session;
  }

  /** Starts the citizen's entry on the PIN pad. */
  public void start() {
    model
        .runner()
        .deliver(
            session.enterPin(),
            this::ended,
            failure -> {
              entry.set(0);
              model.noticeProperty().set(Optional.of(Notice.failure(failure)));
            });
  }

  /** The entry's progress, from the session (on the UI thread). */
  void progress(CounterEvent.PinEntryProgress p) {
    entry.set(p.entry());
    digits.set(p.digits());
    prompt.set(p.prompt());
    if (p.restartReason().isPresent()) {
      if (p.digits() == 0) {
        model
            .noticeProperty()
            .set(Optional.of(Notice.of(Notice.Kind.ERROR, p.restartReason().get())));
      }
    } else if (p.entry() == 2 && p.digits() == 0) {
      model.noticeProperty().set(Optional.empty()); // the first entry passed the policy
    }
  }

  /** The certified reader's keypad waits for the citizen, or stopped waiting (UI thread). */
  void keypad(CounterEvent.KeypadWaiting waiting) {
    keypad.set(waiting.prompt());
  }

  private void ended(PinEntryOutcome outcome) {
    entry.set(0);
    if (outcome == PinEntryOutcome.ON_DEVICE) {
      // The policy cannot judge what the reader's keypad keeps to itself: the clerk must know,
      // and say so to the citizen before the write asks for the PIN.
      onDevice.set(true);
      if (model.noticeProperty().get().isEmpty()) {
        // Back here after a failed write, the failure's notice stays: it says what to do now.
        model
            .noticeProperty()
            .set(Optional.of(Notice.of(Notice.Kind.WARNING, "pinstep.device_entry")));
      }
    } else if (outcome == PinEntryOutcome.ACCEPTED) {
      model.noticeProperty().set(Optional.of(Notice.of(Notice.Kind.SUCCESS, "pinstep.accepted")));
    } else if (model.stepProperty().get() == WizardStep.PIN) {
      model
          .noticeProperty()
          .set(
              Optional.of(
                  Notice.of(
                      Notice.Kind.WARNING,
                      outcome == PinEntryOutcome.TIMED_OUT
                          ? "pinstep.timeout"
                          : "pinstep.cancelled")));
    }
  }

  /** Ends a running entry (case cancelled). */
  public void stop() {
    session.cancelPinEntry();
  }

  /** 1 or 2 while an entry runs (1 also for the current PIN of a change), 0 otherwise. */
  public IntegerProperty entryProperty() {
    return entry;
  }

  /**
   * What the running entry asks for: the card's current PIN (change initial PIN), the new PIN, or
   * the new PIN again.
   */
  public ReadOnlyObjectProperty<PinPad.Prompt> promptProperty() {
    return prompt;
  }

  /**
   * Whether the citizen types on the certified reader's keypad (during the write), where PinDesk
   * sees no digit and its PIN policy cannot run.
   */
  public ReadOnlyBooleanProperty onDeviceProperty() {
    return onDevice;
  }

  /** What the certified reader's keypad is waiting for while the write runs, if anything. */
  public ReadOnlyObjectProperty<Optional<PinPad.Prompt>> keypadProperty() {
    return keypad;
  }

  /** Digits typed in the running entry: the clerk's progress dots. */
  public IntegerProperty digitsProperty() {
    return digits;
  }
}
