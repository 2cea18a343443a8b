package dev.pindesk.domain.operator;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a sign-in was refused. A wrong password and an unknown id are one reason on purpose: the
 * screen must not tell a passer-by which operator ids exist. Each failure has a message key {@code
 * signin.<reason in lower case>} in the {@code messages} bundle.
 */
public sealed interface SignInFailure
    permits SignInFailure.UnknownOrWrong, SignInFailure.LockedOut, SignInFailure.Disabled {

  /** The reasons, for code that only needs to branch. */
  enum Reason {
    UNKNOWN_OR_WRONG,
    LOCKED_OUT,
    DISABLED
  }

  Reason reason();

  /** {@code signin.unknown_or_wrong}, {@code signin.locked_out} or {@code signin.disabled}. */
  default String messageKey() {
    return "signin." + reason().name().toLowerCase(Locale.ROOT);
  }

  /** Unknown id or wrong password: never says which. */
  record UnknownOrWrong() implements SignInFailure {
    @Override
    public Reason reason() {
      return Reason.UNKNOWN_OR_WRONG;
    }
  }

  /** Too many consecutive failures for this id: no attempt is checked before {@code until}. */
  record LockedOut(Instant until) implements SignInFailure {
    public LockedOut {
      Objects.requireNonNull(until, "until");
    }

    @Override
    public Reason reason() {
      return Reason.LOCKED_OUT;
    }
  }

  /** The password was right but the account is disabled. */
  record Disabled() implements SignInFailure {
    @Override
    public Reason reason() {
      return Reason.DISABLED;
    }
  }

  static SignInFailure unknownOrWrong() {
    return new UnknownOrWrong();
  }

  static SignInFailure lockedOut(Instant until) {
    return new LockedOut(until);
  }

  static SignInFailure disabled() {
    return new Disabled();
  }
}
