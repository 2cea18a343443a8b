package dev.pindesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.i18n.Messages;
import dev.pindesk.service.counter.ClerkSession;
import dev.pindesk.ui.common.CounterRefusedException;
import dev.pindesk.ui.common.TaskRunner;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A counter that refuses to start says why on the sign-in screen in the clerk's language, with what
 * to do next; any other start failure gets the generic text, never its technical message.
 */
class SignInRefusalTest {
  private static final Messages ENGLISH = Messages.of(Locale.ENGLISH);
  private final TaskRunner runner = new TaskRunner();
  private final SignInViewModel model =
      new SignInViewModel(
          new java.util.concurrent.CompletableFuture<ClerkSession>(),
          runner,
          new SimpleObjectProperty<>(ENGLISH),
          false,
          o -> {});

  @AfterEach
  void stop() {
    runner.close();
  }

  @Test
  void showsARefusalAsItsTranslatedText() {
    model.counterFailed(
        new CompletionException(
            new CounterRefusedException("counter.refused.no_keys", "/srv/pindesk/keys")));

    assertThat(model.errorProperty().get())
        .isEqualTo(ENGLISH.get("counter.refused.no_keys", "/srv/pindesk/keys"))
        .contains("pindesk keys init --dir /srv/pindesk/keys");
  }

  @Test
  void showsAnyOtherFailureWithTheGenericText() {
    model.counterFailed(new CompletionException(new IOException("journal locked")));

    assertThat(model.errorProperty().get())
        .isEqualTo(ENGLISH.get("signin.unavailable"))
        .doesNotContain("journal locked");
  }
}
