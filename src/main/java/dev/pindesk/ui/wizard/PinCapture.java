package dev.pindesk.ui.wizard;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.pin.PinEntryResult;
import dev.pindesk.ports.PinPad;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The new-PIN step: two entries on the customer PIN pad, the policy judging the first before the
 * second is asked for, a mismatch or a weak PIN restarting the entry with a reason. The clerk's
 * screen only learns the entry number and how many digits were typed.
 */
public final class PinCapture {
  private static final int LENGTH = 6;

  private final WizardViewModel model;
  private final WizardServices services;
  private final IntegerProperty entry = new SimpleIntegerProperty();
  private final IntegerProperty digits = new SimpleIntegerProperty();
  private final ObjectProperty<PinPad.Prompt> prompt =
      new SimpleObjectProperty<>(PinPad.Prompt.NEW_PIN);

  PinCapture(WizardViewModel model, WizardServices services) {
    this.model = model;
    this.services = services;
  }

  /** Asks for the first entry. */
  public void start() {
    start(null);
  }

  /**
   * Asks for the first entry, telling the citizen why when {@code reasonKey} is given. A
   * change-initial case first asks for the card's current PIN.
   */
  private void start(String reasonKey) {
    if (model.serviceProperty().get() == dev.pindesk.domain.audit.ServiceKind.CHANGE_INITIAL) {
      entry.set(1);
      digits.set(0);
      prompt.set(PinPad.Prompt.OLD_PIN);
      ask(PinPad.Prompt.OLD_PIN, reasonKey)
          .thenAccept(
              old ->
                  services
                      .runner()
                      .onUi(
                          () ->
                              model.background(
                                  wipedOnFailure(
                                      () -> {
                                        services.cases().captureOldPin(old);
                                        return null;
                                      },
                                      old),
                                  x -> askNew(null))));
      return;
    }
    askNew(reasonKey);
  }

  private void askNew(String reasonKey) {
    entry.set(1);
    digits.set(0);
    prompt.set(PinPad.Prompt.NEW_PIN);
    ask(PinPad.Prompt.NEW_PIN, reasonKey)
        .thenAccept(
            first ->
                services
                    .runner()
                    .onUi(
                        () ->
                            model.background(
                                wipedOnFailure(() -> services.cases().checkFirstPin(first), first),
                                result -> afterFirst(first, result))));
  }

  private void afterFirst(Pin first, PinEntryResult result) {
    if (result instanceof PinEntryResult.Weak weak) {
      model
          .noticeProperty()
          .set(Optional.of(Notice.of(Notice.Kind.ERROR, weak.reason().messageKey())));
      askNew(weak.reason().messageKey());
      return;
    }
    model.noticeProperty().set(Optional.empty());
    entry.set(2);
    digits.set(0);
    prompt.set(PinPad.Prompt.CONFIRM_NEW_PIN);
    ask(PinPad.Prompt.CONFIRM_NEW_PIN, null)
        .thenAccept(
            second ->
                services
                    .runner()
                    .onUi(
                        () ->
                            model.background(
                                wipedOnFailure(
                                    () -> services.cases().capturePin(first, second),
                                    first,
                                    second),
                                this::afterSecond)))
        .exceptionally(
            e -> {
              first.close();
              return null;
            });
  }

  private void afterSecond(PinEntryResult result) {
    if (result instanceof PinEntryResult.Accepted) {
      entry.set(0);
      model.noticeProperty().set(Optional.of(Notice.of(Notice.Kind.SUCCESS, "pinstep.accepted")));
    } else if (result instanceof PinEntryResult.Mismatch) {
      model.noticeProperty().set(Optional.of(Notice.of(Notice.Kind.ERROR, "pin.entry.mismatch")));
      askNew("pin.entry.mismatch");
    } else if (result instanceof PinEntryResult.Weak weak) {
      model
          .noticeProperty()
          .set(Optional.of(Notice.of(Notice.Kind.ERROR, weak.reason().messageKey())));
      askNew(weak.reason().messageKey());
    }
  }

  /**
   * {@code work}, which takes over {@code pins}; when it fails they are wiped here, whatever it
   * failed at (the case service wipes what it refuses; this covers the rest).
   */
  private static <T> Callable<T> wipedOnFailure(Callable<T> work, Pin... pins) {
    return () -> {
      try {
        return work.call();
      } catch (Exception | Error e) {
        for (Pin p : pins) {
          p.close();
        }
        throw e;
      }
    };
  }

  private java.util.concurrent.CompletableFuture<Pin> ask(PinPad.Prompt prompt, String reasonKey) {
    return services
        .pinPad()
        .request(prompt, LENGTH, reasonKey, n -> services.runner().onUi(() -> digits.set(n)))
        .toCompletableFuture()
        .whenComplete(
            (pin, failure) -> {
              if (failure != null) {
                services.runner().onUi(() -> failed(failure));
              }
            });
  }

  private void failed(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof PinPad.PinPadException e && model.stepProperty().get() == WizardStep.PIN) {
      entry.set(0);
      if (e.failure() == PinPad.Failure.TIMEOUT) { // journaled; a cancel by the clerk is not
        model.background(services.cases()::pinPadTimedOut, t -> {});
      }
      model
          .noticeProperty()
          .set(
              Optional.of(
                  Notice.of(
                      Notice.Kind.WARNING,
                      e.failure() == PinPad.Failure.TIMEOUT
                          ? "pinstep.timeout"
                          : "pinstep.cancelled")));
    }
  }

  /** Ends a running entry (case cancelled). */
  public void stop() {
    services.pinPad().cancel();
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

  /** Digits typed in the running entry: the clerk's progress dots. */
  public IntegerProperty digitsProperty() {
    return digits;
  }
}
