package dev.pindesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.Operator.Role;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.signin.SignInService;
import dev.pindesk.testing.InMemoryOperatorDirectory;
import dev.pindesk.ui.common.SameThreadExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * Sign-in and unlock as plain unit tests of the view model: the check runs as background work, the
 * password is wiped whatever the outcome, and refusals are said in the clerk's language without
 * saying whether the id exists.
 */
class SignInViewModelTest {
  private static final Messages ENGLISH = Messages.of(Locale.ENGLISH);
  private static final Operator DEMO =
      new Operator("demo", "Demo", Role.CLERK, true, Instant.EPOCH);
  private static final Operator GONE =
      new Operator("gone", "Gone", Role.CLERK, false, Instant.EPOCH);

  private final InMemoryOperatorDirectory operators = new InMemoryOperatorDirectory();
  private final CompletableFuture<SignInService> counter = new CompletableFuture<>();
  private final SameThreadExecutor executor = new SameThreadExecutor();
  private final List<Operator> signedIn = new CopyOnWriteArrayList<>();
  private final SignInViewModel model =
      new SignInViewModel(
          counter.thenApply(s -> ClerkSessions.over(s, executor)),
          executor,
          new SimpleObjectProperty<>(ENGLISH),
          true,
          signedIn::add);

  SignInViewModelTest() {
    operators.add(DEMO, "demo".toCharArray());
    operators.add(GONE, "gone".toCharArray());
  }

  private void counterOpen() {
    counter.complete(new SignInService(operators, Clock.systemUTC()));
  }

  private char[] signIn(String id, String password) {
    char[] typed = password.toCharArray();
    model.operatorIdProperty().set(id);
    model.signIn(typed);
    return typed;
  }

  @Test
  void theRightPasswordSignsInAndIsWiped() {
    counterOpen();
    char[] typed = signIn(" demo ", "demo");
    assertThat(signedIn).containsExactly(DEMO);
    assertThat(typed).containsOnly('\0');
    assertThat(model.busyProperty().get()).isFalse();
    assertThat(model.errorProperty().get()).isEmpty();
  }

  @Test
  void aWrongPasswordAndAnUnknownIdAreOneRefusalAndThePasswordIsWiped() {
    counterOpen();
    char[] typed = signIn("demo", "wrong");
    assertThat(model.errorProperty().get()).isEqualTo("Unknown operator or wrong password.");
    assertThat(typed).containsOnly('\0');
    signIn("nobody", "demo");
    assertThat(model.errorProperty().get()).isEqualTo("Unknown operator or wrong password.");
    assertThat(signedIn).isEmpty();
  }

  @Test
  void aDisabledOperatorIsToldToAskASupervisor() {
    counterOpen();
    signIn("gone", "gone");
    assertThat(model.errorProperty().get()).contains("disabled");
    assertThat(signedIn).isEmpty();
  }

  @Test
  void tooManyFailuresLockTheIdOutUntilATimeOfDay() {
    counterOpen();
    for (int i = 0; i < SignInService.MAX_FAILURES; i++) {
      signIn("demo", "wrong");
    }
    assertThat(model.errorProperty().get())
        .startsWith("Too many failed attempts; try again after ")
        .matches(".*\\d\\d:\\d\\d:\\d\\d\\.");
    signIn("demo", "demo");
    assertThat(signedIn).as("locked even with the right password").isEmpty();
  }

  @Test
  void theCheckTakenWhileTheCounterOpensCompletesOnceItIsOpen() {
    executor.hold(); // the counter behind the form is still opening
    char[] typed = signIn("demo", "demo");
    assertThat(model.busyProperty().get()).as("waiting for the counter").isTrue();
    assertThat(signedIn).isEmpty();
    counterOpen();
    executor.release();
    assertThat(signedIn).containsExactly(DEMO);
    assertThat(typed).containsOnly('\0');
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void aSecondPressWhileCheckingIsIgnoredAndItsPasswordWiped() {
    executor.hold();
    signIn("demo", "demo");
    char[] second = signIn("demo", "demo");
    assertThat(second).containsOnly('\0');
    counterOpen();
    assertThat(executor.jobs()).as("one check").isEqualTo(1);
    executor.release();
    assertThat(signedIn).containsExactly(DEMO);
  }

  @Test
  void aCounterThatCannotStartSaysWhyBeforeAnyoneSignsIn() {
    model.counterFailed(
        new CompletionException(
            new IllegalArgumentException("agent regions: 'x' is not a region")));
    // the technical message stays in the log: the clerk gets what to do
    assertThat(model.errorProperty().get())
        .startsWith("The counter cannot start")
        .contains("call support")
        .doesNotContain("agent regions")
        .doesNotContain("Exception");
  }

  @Test
  void aCounterThatFailsDuringTheCheckSaysSoAndWipesThePassword() {
    counter.completeExceptionally(new IllegalStateException("journal locked"));
    char[] typed = signIn("demo", "demo");
    assertThat(model.errorProperty().get()).isEqualTo(ENGLISH.get("signin.unavailable"));
    assertThat(typed).containsOnly('\0');
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void theIdleLockLetsTheSameOperatorBackIn() {
    counterOpen();
    model.lock("demo");
    assertThat(model.lockModeProperty().get()).isTrue();
    assertThat(model.operatorIdProperty().get()).isEqualTo("demo");
    signIn("demo", "demo");
    assertThat(model.lockModeProperty().get()).isFalse();
    assertThat(signedIn).containsExactly(DEMO);
  }
}
