package dev.pindesk.ui.wizard;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.ports.PinPad;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;

/**
 * The customer PIN pad of view-model tests: the test types for the citizen. Every PIN it hands out
 * is kept, so a test can check that all of them were wiped.
 */
final class ScriptedPinPad implements PinPad {
  /** One request of the wizard: what it asked for and why the entry started again. */
  record Request(Prompt prompt, Optional<String> reasonKey) {}

  private final List<Request> requests = new ArrayList<>();
  private final List<Pin> handedOut = new ArrayList<>();
  private CompletableFuture<Pin> pending;
  private IntConsumer progress;

  @Override
  public CompletionStage<Pin> request(Prompt prompt, int length, IntConsumer progress) {
    return request(prompt, length, null, progress);
  }

  @Override
  public CompletionStage<Pin> request(
      Prompt prompt, int length, String reasonKey, IntConsumer progress) {
    if (pending != null && !pending.isDone()) {
      pending.completeExceptionally(new PinPadException(Failure.CANCELLED));
    }
    requests.add(new Request(prompt, Optional.ofNullable(reasonKey)));
    this.progress = progress;
    pending = new CompletableFuture<>();
    return pending;
  }

  /** The citizen types {@code digits} and confirms; the wizard reacts before this returns. */
  void type(String digits) {
    CompletableFuture<Pin> entry = requireShowing();
    for (int i = 1; i <= digits.length(); i++) {
      progress.accept(i);
    }
    char[] chars = digits.toCharArray();
    try {
      Pin pin = Pin.of(chars);
      handedOut.add(pin);
      entry.complete(pin);
    } finally {
      Secrets.wipe(chars);
    }
  }

  /** The citizen types {@code count} digits and stops. */
  void typeDigitsOnly(int count) {
    requireShowing();
    for (int i = 1; i <= count; i++) {
      progress.accept(i);
    }
  }

  /** Nobody finishes the entry: the pad gives up. */
  void timeOut() {
    requireShowing().completeExceptionally(new PinPadException(Failure.TIMEOUT));
  }

  @Override
  public void cancel() {
    if (pending != null && !pending.isDone()) {
      pending.completeExceptionally(new PinPadException(Failure.CANCELLED));
    }
  }

  @Override
  public String description() {
    return "scripted test pad";
  }

  /** An entry is waiting for the citizen. */
  boolean showing() {
    return pending != null && !pending.isDone();
  }

  /** What the running (or last) entry asks for. */
  Request lastRequest() {
    return requests.get(requests.size() - 1);
  }

  List<Request> requests() {
    return requests;
  }

  /** Every PIN the citizen typed. */
  List<Pin> handedOut() {
    return handedOut;
  }

  private CompletableFuture<Pin> requireShowing() {
    if (!showing()) {
      throw new AssertionError("the PIN pad is not asking for a PIN");
    }
    return pending;
  }
}
