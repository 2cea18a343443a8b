package dev.pindesk.ports;

import dev.pindesk.domain.Pin;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;

/**
 * A PIN pad facing the citizen whose digits reach PinDesk: the only way a PIN enters PinDesk. The
 * clerk never sees or types it; the clerk's screen only learns how many digits were typed.
 * Implemented by the on-screen customer window. A keypad inside a device that keeps the digits to
 * itself (a certified reader behind the national interface) is not a {@code PinPad}: see {@link
 * CitizenPinEntry} for the two kinds of entry and what each lets PinDesk do. Its {@link Prompt}s
 * name what either kind asks for.
 */
public interface PinPad {

  /** What the citizen is asked for; the pad shows it in Chinese and English. */
  enum Prompt {
    NEW_PIN,
    CONFIRM_NEW_PIN,
    OLD_PIN
  }

  /** Why an entry ended without a PIN. */
  enum Failure {
    TIMEOUT,
    CANCELLED,
    UNAVAILABLE
  }

  /** Completes an entry exceptionally. */
  final class PinPadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    public PinPadException(Failure failure) {
      super("PIN entry ended: " + failure);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  /**
   * Asks the citizen for a PIN of {@code length} digits. Completes with the PIN (the caller closes
   * it) or exceptionally with a {@link PinPadException}. {@code progress} receives the number of
   * digits typed so far (never the digits) for the clerk's progress dots.
   */
  CompletionStage<Pin> request(Prompt prompt, int length, IntConsumer progress);

  /**
   * Like {@link #request(Prompt, int, IntConsumer)}, first telling the citizen why the entry starts
   * again: {@code reasonKey} is a message key (e.g. {@code pin.weak.birth_date}) shown in Chinese
   * and English on the pad.
   */
  default CompletionStage<Pin> request(
      Prompt prompt, int length, String reasonKey, IntConsumer progress) {
    return request(prompt, length, progress);
  }

  /** Ends a running entry with {@link Failure#CANCELLED}; no-op when none runs. */
  void cancel();

  /** For status displays. */
  String description();
}
