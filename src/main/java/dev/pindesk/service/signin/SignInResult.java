package dev.pindesk.service.signin;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.SignInFailure;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one sign-in attempt: the signed-in operator, or why not. */
public sealed interface SignInResult permits SignInResult.Success, SignInResult.Failure {

  boolean succeeded();

  /** The operator, on success. */
  Optional<Operator> operator();

  /** The reason, on failure. */
  Optional<SignInFailure> failure();

  /** Signed in. */
  record Success(Operator signedIn) implements SignInResult {
    public Success {
      Objects.requireNonNull(signedIn, "signedIn");
    }

    @Override
    public boolean succeeded() {
      return true;
    }

    @Override
    public Optional<Operator> operator() {
      return Optional.of(signedIn);
    }

    @Override
    public Optional<SignInFailure> failure() {
      return Optional.empty();
    }
  }

  /** Refused. */
  record Failure(SignInFailure reason) implements SignInResult {
    public Failure {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean succeeded() {
      return false;
    }

    @Override
    public Optional<Operator> operator() {
      return Optional.empty();
    }

    @Override
    public Optional<SignInFailure> failure() {
      return Optional.of(reason);
    }
  }
}
