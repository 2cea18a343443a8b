package dev.pindesk.ui.signin;

import dev.pindesk.domain.Secrets;
import dev.pindesk.service.counter.ClerkSession;
import dev.pindesk.service.signin.SignInResult;
import dev.pindesk.service.signin.SignInService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** The clerk's side of a counter over a sign-in service alone, for the sign-in screen's tests. */
final class ClerkSessions {
  private ClerkSessions() {}

  /** The check runs on {@code executor}, as the counter's runs on its clerk thread. */
  static ClerkSession over(SignInService service, Executor executor) {
    return new ClerkSession() {
      @Override
      public CompletionStage<SignInResult> signIn(String operatorId, char[] password) {
        return CompletableFuture.supplyAsync(
            () -> {
              try {
                return service.signIn(operatorId, password);
              } finally {
                Secrets.wipe(password);
              }
            },
            executor);
      }

      @Override
      public void activity() {}

      @Override
      public boolean idleLocked() {
        return false;
      }
    };
  }
}
