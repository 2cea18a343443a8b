package dev.pindesk.service.signin;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.SignInFailure;
import dev.pindesk.ports.OperatorDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs operators in to the clerk wizard.
 *
 * <p>What a failure reveals is limited on purpose: an unknown id and a wrong password give the same
 * answer after the same hashing work (the directory hashes against a dummy for unknown ids), and
 * "disabled" is only said to someone who knows the password. After {@value #MAX_FAILURES}
 * consecutive failures for an id (known or not, so lockouts reveal nothing either) no password is
 * checked for that id for {@link #LOCKOUT}. Attempts are serialised: a workstation has one
 * keyboard.
 */
public final class SignInService {
  /** Consecutive failures that lock an id out. */
  public static final int MAX_FAILURES = 5;

  /** How long a locked-out id stays locked. */
  public static final Duration LOCKOUT = Duration.ofSeconds(60);

  // Bounds memory when someone types many different ids.
  private static final int MAX_TRACKED_IDS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

  private final OperatorDirectory directory;
  private final Clock clock;
  private final Map<String, Attempts> attempts = new HashMap<>();

  private record Attempts(int failures, Instant lockedUntil) {
    boolean lockedAt(Instant now) {
      return lockedUntil.isAfter(now);
    }
  }

  public SignInService(OperatorDirectory directory, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Checks {@code password} for operator {@code id}. The caller keeps and wipes {@code password}.
   */
  public synchronized SignInResult signIn(String id, char[] password) {
    String key = id == null ? "" : id;
    Instant now = clock.instant();
    Attempts previous = attempts.get(key);
    if (previous != null && previous.lockedAt(now)) {
      log(null, "locked out");
      return new SignInResult.Failure(SignInFailure.lockedOut(previous.lockedUntil()));
    }
    // Always verify first, then look up: the work done does not depend on whether the id exists.
    boolean passwordRight = directory.verifyPassword(key, password);
    Optional<Operator> operator = directory.find(key);
    if (passwordRight && operator.isPresent()) {
      attempts.remove(key);
      if (!operator.get().active()) {
        log(key, "account disabled");
        return new SignInResult.Failure(SignInFailure.disabled());
      }
      LOG.info("operator {} signed in", key);
      return new SignInResult.Success(operator.get());
    }
    return recordFailure(key, previous, now, operator.isPresent());
  }

  private SignInResult recordFailure(String key, Attempts previous, Instant now, boolean known) {
    // A lock that has run out starts a fresh series of attempts.
    int failures =
        (previous == null || previous.failures() >= MAX_FAILURES ? 0 : previous.failures()) + 1;
    if (attempts.size() >= MAX_TRACKED_IDS && !attempts.containsKey(key)) {
      attempts.values().removeIf(a -> !a.lockedAt(now));
    }
    if (failures >= MAX_FAILURES) {
      Instant until = now.plus(LOCKOUT);
      attempts.put(key, new Attempts(failures, until));
      log(known ? key : null, "wrong password or unknown id; locked out until " + until);
      return new SignInResult.Failure(SignInFailure.lockedOut(until));
    }
    attempts.put(key, new Attempts(failures, Instant.MIN));
    log(known ? key : null, "wrong password or unknown id (" + failures + " in a row)");
    return new SignInResult.Failure(SignInFailure.unknownOrWrong());
  }

  // Only known ids are logged: people type their password into the id field.
  private static void log(String knownId, String what) {
    LOG.info("sign-in of {} refused: {}", knownId == null ? "(id not logged)" : knownId, what);
  }
}
