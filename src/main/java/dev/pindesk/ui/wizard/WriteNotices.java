package dev.pindesk.ui.wizard;

import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.reset.CaseError;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseStep;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.service.counter.WriteOutcome;
import dev.pindesk.service.reset.WriteReport;
import java.util.Optional;

/** What the clerk is told after a write: written, in doubt, or why the new PIN was not written. */
final class WriteNotices {
  private WriteNotices() {}

  /** The notice for {@code outcome}; none when the write neither ended nor failed. */
  static Optional<Notice> of(WriteOutcome outcome) {
    CaseTransition t = outcome.transition();
    if (t.to() == CaseState.WRITTEN) {
      // An unlock also restored the try counter: the clerk tells the citizen both.
      String key =
          t.service() == ServiceKind.UNLOCK ? "writestep.written_unlock" : "writestep.written";
      return Optional.of(Notice.of(Notice.Kind.SUCCESS, key));
    }
    if (t.to() == CaseState.IN_DOUBT) {
      return Optional.of(Notice.of(Notice.Kind.WARNING, "writestep.in_doubt"));
    }
    return t.error().map(e -> notWritten(t.step(), e, outcome.report()));
  }

  /**
   * Why the new PIN was not written, in the clerk's words (the case's own refusals have their own
   * messages): with the tries of a refused key, and saying so when an unlock restored the try
   * counter before its reset failed. A wrong PIN at the write is the card's current PIN a change
   * needs; at the check of an in-doubt write it is the new PIN, which is then not on the card.
   */
  private static Notice notWritten(CaseStep step, CaseError error, WriteReport write) {
    if (error == CaseError.Refusal.CARD_SWAPPED) {
      return Notice.of(Notice.Kind.ERROR, "error.case." + error.wireName());
    }
    if (error instanceof CaseError.Card card
        && card.code() == CardErrorCode.PIN_WRONG
        && step == CaseStep.RESOLVE_IN_DOUBT) {
      // The check with the new PIN failed: the write did not reach the card.
      return Notice.of(Notice.Kind.ERROR, "writestep.check_not_written");
    }
    if (error instanceof CaseError.Card card) {
      int tries =
          write
              .failure()
              .filter(e -> e.code() == card.code())
              .map(e -> e.triesLeft().orElse(0))
              .orElse(0);
      if (write.unblocked() && !write.pinSet()) {
        return new Notice(
            Notice.Kind.ERROR,
            "writestep.unblocked_only",
            new Object[0],
            Optional.of(card.code().nextActionKey()));
      }
      return new Notice(
          Notice.Kind.ERROR,
          card.code().messageKey(),
          new Object[] {tries},
          Optional.of(card.code().nextActionKey()));
    }
    return Notice.of(Notice.Kind.ERROR, "writestep.not_written", error.wireName());
  }
}
