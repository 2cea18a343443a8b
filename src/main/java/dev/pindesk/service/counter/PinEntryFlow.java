package dev.pindesk.service.counter;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.pin.PinEntryResult;
import dev.pindesk.ports.PinPad;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One PIN entry of a case on the customer's PIN pad: the current PIN first for a change of the
 * initial PIN, then the new PIN, judged by the policy before the second entry is asked for; a weak
 * PIN or a mismatch starts again with its reason. Every PIN the pad hands over goes to the case
 * service, which keeps the accepted one and wipes the rest; what this flow still holds when a step
 * fails it wipes itself. Only entry numbers and digit counts leave it.
 */
final class PinEntryFlow {
  static final int LENGTH = 6;

  private final CaseSteps steps;
  private final PinPad pad;
  private final Consumer<CounterEvent> publish;
  private final CompletableFuture<PinEntryOutcome> done = new CompletableFuture<>();
  private volatile boolean cancelled;

  PinEntryFlow(CaseSteps steps, PinPad pad, Consumer<CounterEvent> publish) {
    this.steps = steps;
    this.pad = pad;
    this.publish = publish;
  }

  CompletableFuture<PinEntryOutcome> start(boolean oldPinFirst) {
    if (oldPinFirst) {
      askOld();
    } else {
      askNew(Optional.empty());
    }
    return done;
  }

  /** Ends the entry: the running pad request is cancelled, no further one is started. */
  void cancel() {
    cancelled = true;
    pad.cancel();
  }

  private void askOld() {
    ask(1, PinPad.Prompt.OLD_PIN, Optional.empty())
        .thenAccept(
            old ->
                step(
                    () -> {
                      steps.service().captureOldPin(old);
                      return null;
                    },
                    x -> askNew(Optional.empty()),
                    old));
  }

  private void askNew(Optional<String> reason) {
    ask(1, PinPad.Prompt.NEW_PIN, reason)
        .thenAccept(
            first ->
                step(
                    () -> steps.service().checkFirstPin(first),
                    result -> {
                      if (result instanceof PinEntryResult.Weak weak) {
                        askNew(Optional.of(weak.reason().messageKey()));
                      } else {
                        askSecond(first);
                      }
                    },
                    first));
  }

  private void askSecond(Pin first) {
    ask(2, PinPad.Prompt.CONFIRM_NEW_PIN, Optional.empty())
        .whenComplete(
            (second, failure) -> {
              if (failure != null) {
                first.close();
                return;
              }
              step(
                  () -> steps.service().capturePin(first, second),
                  result -> {
                    if (result instanceof PinEntryResult.Accepted) {
                      publish.accept(
                          new CounterEvent.PinEntryProgress(
                              0, PinPad.Prompt.CONFIRM_NEW_PIN, 0, Optional.empty()));
                      done.complete(PinEntryOutcome.ACCEPTED);
                    } else if (result instanceof PinEntryResult.Weak weak) {
                      askNew(Optional.of(weak.reason().messageKey()));
                    } else {
                      askNew(Optional.of("pin.entry.mismatch"));
                    }
                  },
                  first,
                  second);
            });
  }

  /**
   * Asks the pad for one entry, publishing its progress; an entry that ends without a PIN ends the
   * flow (a time-out journaled first), and the returned stage fails.
   */
  private CompletableFuture<Pin> ask(int entry, PinPad.Prompt prompt, Optional<String> reason) {
    CompletableFuture<Pin> pin = new CompletableFuture<>();
    if (cancelled) {
      // Fails the stage, so that an entry held for the confirmation is wiped by its caller.
      pin.completeExceptionally(new PinPad.PinPadException(PinPad.Failure.CANCELLED));
      end(PinPad.Failure.CANCELLED);
      return pin;
    }
    publish.accept(new CounterEvent.PinEntryProgress(entry, prompt, 0, reason));
    pad.request(
            prompt,
            LENGTH,
            reason.orElse(null),
            n -> publish.accept(new CounterEvent.PinEntryProgress(entry, prompt, n, reason)))
        .whenComplete(
            (typed, failure) -> {
              if (failure == null) {
                if (cancelled) {
                  typed.close();
                  pin.completeExceptionally(new PinPad.PinPadException(PinPad.Failure.CANCELLED));
                  end(PinPad.Failure.CANCELLED);
                } else {
                  pin.complete(typed);
                }
                return;
              }
              Throwable cause =
                  failure instanceof CompletionException ? failure.getCause() : failure;
              pin.completeExceptionally(cause);
              if (cause instanceof PinPad.PinPadException e) {
                end(e.failure());
              } else {
                done.completeExceptionally(cause);
              }
            });
    return pin;
  }

  private void end(PinPad.Failure failure) {
    publish.accept(
        new CounterEvent.PinEntryProgress(0, PinPad.Prompt.NEW_PIN, 0, Optional.empty()));
    switch (failure) {
      case TIMEOUT ->
          steps
              .run(
                  () -> {
                    steps.service().pinPadTimedOut(); // journaled; a cancel is not
                    return null;
                  })
              .whenComplete(
                  (x, journal) -> {
                    if (journal != null) {
                      done.completeExceptionally(journal);
                    } else {
                      done.complete(PinEntryOutcome.TIMED_OUT);
                    }
                  });
      case CANCELLED -> done.complete(PinEntryOutcome.CANCELLED);
      case UNAVAILABLE -> done.complete(PinEntryOutcome.UNAVAILABLE);
    }
  }

  /**
   * Runs a case step that takes over {@code pins}; when it fails they are wiped here, whatever it
   * failed at (the case service wipes what it refuses; this covers the rest), and the flow ends
   * with the failure.
   */
  private <T> void step(Callable<T> work, Consumer<T> then, Pin... pins) {
    steps
        .run(
            () -> {
              try {
                return work.call();
              } catch (Exception | Error e) {
                for (Pin p : pins) {
                  p.close();
                }
                throw e;
              }
            })
        .whenComplete(
            (result, failure) -> {
              if (failure != null) {
                done.completeExceptionally(failure);
              } else {
                then.accept(result);
              }
            });
  }
}
