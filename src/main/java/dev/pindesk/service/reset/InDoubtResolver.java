package dev.pindesk.service.reset;

import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.PinState;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.reset.CaseError;
import dev.pindesk.ports.CardConnection;

/**
 * Decides whether an in-doubt write reached the card, from a fresh read of the bound card and, when
 * that is not enough, a VERIFY with the new PIN. It never writes.
 *
 * <p>Rules. A locked application or a still-blocked PIN means nothing was written (a reset or an
 * unblock that ran would have restored the tries; CHANGE PIN cannot run on a blocked PIN). For the
 * unlock service the write is two commands, unblock then reset, and the reset is only sent after
 * the unblock succeeded: a still-blocked PIN therefore proves that neither ran, and a PIN with its
 * tries restored but refusing the new PIN is an unblock without the reset — nothing of the new PIN
 * is on the card, and writing again (unblock, then reset) is safe. Otherwise only a VERIFY can
 * tell: success proves the write. But a VERIFY with a PIN that is not on the card costs a try of
 * the card's PIN. That is acceptable while at least 2 tries are left: after an executed reset /
 * unblock the counter is full, and if the write did not run the try is lost from the old PIN
 * (forgotten anyway for a reset; for a change, the card's current PIN the citizen just typed, whose
 * counter the next successful VERIFY or change restores). With 1 try left, or tries unknown (the
 * profile forbids the retry check), a failing VERIFY could block the PIN: the resolver then answers
 * undecided ({@code verify_risks_last_try}) unless the clerk explicitly allows spending the try
 * ({@code mayUseLastTry}) — the worst case then is a blocked PIN, served at the same counter by the
 * unlock service.
 */
final class InDoubtResolver {
  /** What the card says about the in-doubt write. */
  enum Kind {
    WRITTEN,
    NOT_WRITTEN,
    UNDECIDED
  }

  /**
   * @param kind the decision
   * @param error why, for the journal; {@code null} for written
   */
  record Verdict(Kind kind, CaseError error) {
    boolean written() {
      return kind == Kind.WRITTEN;
    }

    boolean notWritten() {
      return kind == Kind.NOT_WRITTEN;
    }
  }

  private final PinWriter writer;

  InDoubtResolver(PinWriter writer) {
    this.writer = writer;
  }

  /**
   * @throws CardException when the card cannot be asked (the case stays in doubt)
   */
  Verdict resolve(CardConnection connection, CardSnapshot fresh, Pin newPin, boolean mayUseLastTry)
      throws CardException {
    PinState pin = fresh.pinState();
    if (pin.kind() == PinState.Kind.APPLICATION_LOCKED) {
      return new Verdict(Kind.NOT_WRITTEN, CaseError.card(CardErrorCode.APP_LOCKED));
    }
    if (pin.kind() == PinState.Kind.BLOCKED) {
      return new Verdict(Kind.NOT_WRITTEN, CaseError.card(CardErrorCode.PIN_BLOCKED));
    }
    boolean safe = pin.kind() == PinState.Kind.TRIES_LEFT && pin.triesLeft() >= 2;
    if (!safe && !mayUseLastTry) {
      return new Verdict(Kind.UNDECIDED, CaseError.Refusal.VERIFY_RISKS_LAST_TRY);
    }
    try {
      writer.verify(connection, newPin);
      return new Verdict(Kind.WRITTEN, null);
    } catch (CardException e) {
      if (e.code() == CardErrorCode.PIN_WRONG || e.code() == CardErrorCode.PIN_BLOCKED) {
        return new Verdict(Kind.NOT_WRITTEN, CaseError.card(e.code()));
      }
      throw e;
    }
  }
}
