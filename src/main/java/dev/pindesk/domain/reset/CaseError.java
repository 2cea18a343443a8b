package dev.pindesk.domain.reset;

import dev.pindesk.domain.error.CardErrorCode;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a case step was refused, not written, left in doubt or cancelled — typed, so the service, the
 * wizard and the audit trail share one vocabulary instead of parsing strings back. Its {@link
 * #wireName()} is what the journal stores (lower-case snake case, see {@link
 * dev.pindesk.domain.audit.ErrorCode}); the journal format does not change.
 */
public sealed interface CaseError {

  /** The stable name the journal records. */
  String wireName();

  /** The card, the reader or the security module failed ({@code card_removed}, …). */
  record Card(CardErrorCode code) implements CaseError {
    public Card {
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String wireName() {
      return code.wireName();
    }
  }

  /** The card does not belong to the checked ID, or may not be served ({@code ssn_mismatch}, …). */
  record Binding(BindingIssue issue) implements CaseError {
    public Binding {
      Objects.requireNonNull(issue, "issue");
    }

    @Override
    public String wireName() {
      return issue.wireName();
    }
  }

  /** The case was cancelled, for this reason. */
  record Cancelled(CancelReason reason) implements CaseError {
    public Cancelled {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String wireName() {
      return reason.wireName();
    }
  }

  /** The case's own refusals: nothing failed in a device, the step's rule said no. */
  enum Refusal implements CaseError {
    /** The new PIN broke a rule of the PIN policy (the journal never says which). */
    WEAK_PIN,
    /** The two entries of the new PIN differ. */
    PIN_MISMATCH,
    /** The citizen did not finish typing in time. */
    PIN_PAD_TIMEOUT,
    /** The receipt could not be printed. */
    PRINTER_ERROR,
    /** A different card was in the reader at write time: read and bind again. */
    CARD_SWAPPED,
    /** An unlock restored the try counter but its reset failed: the old PIN works again. */
    UNBLOCKED_PIN_NOT_SET,
    /** Checking an in-doubt write would spend the card's last PIN try. */
    VERIFY_RISKS_LAST_TRY;

    @Override
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static CaseError card(CardErrorCode code) {
    return new Card(code);
  }

  static CaseError binding(BindingIssue issue) {
    return new Binding(issue);
  }
}
