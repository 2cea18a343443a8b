package dev.pindesk.ui.signin;

import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.SignInFailure;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.counter.ClerkSession;
import dev.pindesk.service.signin.SignInResult;
import dev.pindesk.ui.common.CounterRefusedException;
import dev.pindesk.ui.common.UiExecutor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Sign-in (and unlock after the idle lock): the password check (Argon2id, deliberately slow) runs
 * in the background; the password leaves the field as characters that are wiped after the check.
 */
public final class SignInViewModel {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final CompletionStage<? extends ClerkSession> counter;
  private final UiExecutor runner;
  private final ObjectProperty<Messages> messages;
  private final Consumer<Operator> onSignedIn;
  private final boolean training;
  private final StringProperty operatorId = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty lockMode = new SimpleBooleanProperty();
  private final BooleanProperty ready = new SimpleBooleanProperty(true);

  public SignInViewModel(
      CompletionStage<? extends ClerkSession> counter,
      UiExecutor runner,
      ObjectProperty<Messages> messages,
      boolean training,
      Consumer<Operator> onSignedIn) {
    this.counter = counter;
    this.runner = runner;
    this.messages = messages;
    this.training = training;
    this.onSignedIn = onSignedIn;
  }

  /** Checks {@code password} (taken over: wiped after the check). */
  public void signIn(char[] password) {
    if (busy.get()) {
      Secrets.wipe(password);
      return;
    }
    busy.set(true);
    error.set("");
    String id = operatorId.get().strip();
    // The session takes the password over; if the counter never opened, it is wiped here.
    CompletionStage<SignInResult> reply = counter.thenCompose(c -> c.signIn(id, password));
    reply.whenComplete((r, e) -> Secrets.wipe(password));
    runner.deliver(
        reply,
        result -> {
          busy.set(false);
          handle(result);
        },
        failure -> {
          busy.set(false);
          counterFailed(failure);
        });
  }

  /**
   * The counter could not start (journal, operator directory, a setting): says why at once, not
   * only when the clerk tries to sign in — and never as a trace. A {@link CounterRefusedException}
   * is shown as its own translated text.
   */
  public void counterFailed(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CounterRefusedException refused) {
        error.set(messages.get().get(refused.messageKey(), refused.args()));
        return;
      }
    }
    // Anything else is not the clerk's to fix and its message is technical (GuiMain logged it).
    error.set(messages.get().get("signin.unavailable"));
  }

  private void handle(SignInResult result) {
    if (result.succeeded()) {
      lockMode.set(false);
      onSignedIn.accept(result.operator().orElseThrow());
      return;
    }
    SignInFailure f = result.failure().orElseThrow();
    if (f instanceof SignInFailure.LockedOut locked) {
      error.set(
          messages
              .get()
              .get(f.messageKey(), TIME.format(locked.until().atZone(ZoneId.systemDefault()))));
    } else {
      error.set(messages.get().get(f.messageKey()));
    }
  }

  /** The idle lock: only {@code id} may unlock. */
  public void lock(String id) {
    operatorId.set(id);
    error.set("");
    lockMode.set(true);
  }

  public StringProperty operatorIdProperty() {
    return operatorId;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty lockModeProperty() {
    return lockMode;
  }

  /**
   * False while the counter behind the form (journal, operators) is still opening: the form can be
   * filled and submitted, and the check waits for it.
   */
  public BooleanProperty readyProperty() {
    return ready;
  }

  public ObjectProperty<Messages> messages() {
    return messages;
  }

  public boolean training() {
    return training;
  }
}
