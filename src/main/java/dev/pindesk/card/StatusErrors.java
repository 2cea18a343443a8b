package dev.pindesk.card;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;

/** Turns a failing status word into the typed {@link CardException} the clerk is told about. */
final class StatusErrors {
  private StatusErrors() {}

  /**
   * Throws unless {@code response} is {@code 9000}.
   *
   * @param what what the command was doing, for the log detail (never secrets)
   */
  static ResponseApdu requireOk(ResponseApdu response, String what) throws CardException {
    StatusOutcome outcome = StatusOutcome.of(response.sw());
    if (outcome instanceof StatusOutcome.Ok) {
      return response;
    }
    throw toException(outcome, what);
  }

  /**
   * As {@link #requireOk} for EXTERNAL AUTHENTICATE: {@code 63 Cx} counts the tries of the card's
   * key ({@code CARD_KEY_REFUSED}) and {@code 69 83} is the key blocked — never the PIN.
   */
  static ResponseApdu requireAuthenticated(ResponseApdu response, String what)
      throws CardException {
    StatusOutcome outcome = StatusOutcome.of(response.sw());
    if (outcome instanceof StatusOutcome.PinWrong w) {
      throw CardException.keyRefused(w.triesLeft());
    }
    if (outcome instanceof StatusOutcome.PinBlocked) {
      throw new CardException(CardErrorCode.CARD_KEY_BLOCKED, "key blocked (" + what + ")");
    }
    return requireOk(response, what);
  }

  /**
   * As {@link #requireOk} for a command under secure messaging: {@code 63 Cx} counts the tries of
   * the card's key, never the PIN's; {@code 69 83} stays "PIN blocked" (a reset refused on a
   * blocked PIN).
   */
  static ResponseApdu requireSecured(ResponseApdu response, String what) throws CardException {
    StatusOutcome outcome = StatusOutcome.of(response.sw());
    if (outcome instanceof StatusOutcome.PinWrong w) {
      throw CardException.keyRefused(w.triesLeft());
    }
    return requireOk(response, what);
  }

  static CardException toException(StatusOutcome outcome, String what) {
    String at = " (" + what + ")";
    if (outcome instanceof StatusOutcome.PinWrong w) {
      return CardException.pinWrong(w.triesLeft());
    }
    CardErrorCode code = codeOf(outcome);
    return new CardException(code, describe(outcome) + at);
  }

  private static CardErrorCode codeOf(StatusOutcome o) {
    if (o instanceof StatusOutcome.PinBlocked) {
      return CardErrorCode.PIN_BLOCKED;
    } else if (o instanceof StatusOutcome.ApplicationLocked) {
      return CardErrorCode.APP_LOCKED;
    } else if (o instanceof StatusOutcome.SecurityNotSatisfied) {
      return CardErrorCode.SECURITY_NOT_SATISFIED;
    } else if (o instanceof StatusOutcome.ConditionsNotSatisfied) {
      return CardErrorCode.CONDITIONS_NOT_SATISFIED;
    } else if (o instanceof StatusOutcome.AuthenticationFailed) {
      return CardErrorCode.AUTHENTICATION_FAILED;
    } else if (o instanceof StatusOutcome.FileNotFound
        || o instanceof StatusOutcome.RecordNotFound) {
      return CardErrorCode.FILE_NOT_FOUND;
    } else if (o instanceof StatusOutcome.NotSupported) {
      return CardErrorCode.UNSUPPORTED_CARD;
    }
    return CardErrorCode.UNEXPECTED_STATUS;
  }

  private static String describe(StatusOutcome outcome) {
    if (outcome instanceof StatusOutcome.Unexpected u) {
      return String.format("status %04X", u.sw());
    } else if (outcome instanceof StatusOutcome.NotSupported n) {
      return String.format("status %04X", n.sw());
    }
    return outcome.getClass().getSimpleName();
  }
}
