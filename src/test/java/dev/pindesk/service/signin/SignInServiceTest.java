package dev.pindesk.service.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.Operator.Role;
import dev.pindesk.domain.operator.SignInFailure;
import dev.pindesk.service.audit.SteppingClock;
import dev.pindesk.testing.InMemoryOperatorDirectory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInServiceTest {
  private static final Instant T0 = Instant.parse("2024-05-06T08:00:00Z");

  private final SteppingClock clock = new SteppingClock(T0);
  private final InMemoryOperatorDirectory directory = new InMemoryOperatorDirectory();
  private final SignInService service = new SignInService(directory, clock);
  private final Operator zhang = new Operator("zhang", "张伟", Role.CLERK, true, T0);

  SignInServiceTest() {
    directory.add(zhang, "right-password".toCharArray());
  }

  private SignInResult attempt(String id, String password) {
    return service.signIn(id, password.toCharArray());
  }

  private static SignInFailure failure(SignInResult result) {
    return result.failure().orElseThrow();
  }

  @Test
  void signsInWithTheRightPassword() {
    SignInResult result = attempt("zhang", "right-password");

    assertThat(result.succeeded()).isTrue();
    assertThat(result.operator()).contains(zhang);
  }

  @Test
  void answersUnknownIdsAndWrongPasswordsAlikeAfterTheSameWork() {
    SignInResult wrong = attempt("zhang", "wrong-password");
    SignInResult unknown = attempt("nobody", "right-password");
    SignInResult malformed = attempt("Not An Id!", "right-password");

    assertThat(wrong).isEqualTo(unknown).isEqualTo(malformed);
    assertThat(failure(wrong).messageKey()).isEqualTo("signin.unknown_or_wrong");
    assertThat(directory.passwordChecks()).containsExactly("zhang", "nobody", "Not An Id!");
  }

  @Test
  void locksAnIdOutForAMinuteAfterFiveFailuresInARow() {
    for (int i = 1; i < SignInService.MAX_FAILURES; i++) {
      assertThat(failure(attempt("zhang", "guess" + i)).reason())
          .isEqualTo(SignInFailure.Reason.UNKNOWN_OR_WRONG);
    }
    SignInFailure fifth = failure(attempt("zhang", "guess5"));

    assertThat(fifth).isEqualTo(SignInFailure.lockedOut(T0.plusSeconds(60)));
    assertThat(fifth.messageKey()).isEqualTo("signin.locked_out");
    clock.advance(Duration.ofSeconds(59));
    assertThat(failure(attempt("zhang", "right-password")).reason())
        .isEqualTo(SignInFailure.Reason.LOCKED_OUT);
    assertThat(directory.passwordChecks()).hasSize(5);

    clock.advance(Duration.ofSeconds(1));
    assertThat(attempt("zhang", "right-password").succeeded()).isTrue();
  }

  @Test
  void givesFiveFreshAttemptsAfterALockRunsOut() {
    for (int i = 0; i < SignInService.MAX_FAILURES; i++) {
      attempt("zhang", "guess");
    }
    clock.advance(SignInService.LOCKOUT);

    assertThat(failure(attempt("zhang", "guess")).reason())
        .isEqualTo(SignInFailure.Reason.UNKNOWN_OR_WRONG);
  }

  @Test
  void aSuccessResetsTheFailureCount() {
    for (int i = 1; i < SignInService.MAX_FAILURES; i++) {
      attempt("zhang", "guess");
    }
    attempt("zhang", "right-password");

    assertThat(failure(attempt("zhang", "guess")).reason())
        .isEqualTo(SignInFailure.Reason.UNKNOWN_OR_WRONG);
  }

  @Test
  void locksOutUnknownIdsTooSoLockoutsRevealNothing() {
    for (int i = 1; i < SignInService.MAX_FAILURES; i++) {
      attempt("nobody", "guess");
    }

    assertThat(failure(attempt("nobody", "guess")).reason())
        .isEqualTo(SignInFailure.Reason.LOCKED_OUT);
    assertThat(attempt("zhang", "right-password").succeeded()).as("other ids unaffected").isTrue();
  }

  @Test
  void saysDisabledOnlyToSomeoneWhoKnowsThePassword() {
    directory.setActive("zhang", false);

    assertThat(failure(attempt("zhang", "wrong-password")).reason())
        .isEqualTo(SignInFailure.Reason.UNKNOWN_OR_WRONG);
    SignInFailure right = failure(attempt("zhang", "right-password"));
    assertThat(right.reason()).isEqualTo(SignInFailure.Reason.DISABLED);
    assertThat(right.messageKey()).isEqualTo("signin.disabled");
  }

  @Test
  void leavesTheCallersPasswordArrayForTheCallerToWipe() {
    char[] password = "right-password".toCharArray();

    service.signIn("zhang", password);

    assertThat(new String(password)).isEqualTo("right-password");
  }
}
