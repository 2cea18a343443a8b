package dev.pindesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The counter's executor: work off the FX thread, results and deliveries on it. */
@ExtendWith(ApplicationExtension.class)
class TaskRunnerTest {
  private final TaskRunner runner = new TaskRunner();

  @AfterEach
  void stop() {
    runner.close();
  }

  @Test
  void runsWorkOffTheFxThreadAndItsResultOnIt() throws Exception {
    CompletableFuture<Boolean> workOnFx = new CompletableFuture<>();
    CompletableFuture<Boolean> resultOnFx = new CompletableFuture<>();
    Platform.runLater(
        () ->
            runner.run(
                () -> Platform.isFxApplicationThread(),
                onFx -> {
                  workOnFx.complete(onFx);
                  resultOnFx.complete(Platform.isFxApplicationThread());
                },
                resultOnFx::completeExceptionally));
    assertThat(workOnFx.get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(resultOnFx.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void handsAFailureToTheFailureCallbackOnTheFxThread() throws Exception {
    CompletableFuture<String> failure = new CompletableFuture<>();
    runner.run(
        () -> {
          throw new IllegalStateException("card gone");
        },
        r -> failure.complete("succeeded"),
        f -> failure.complete(Platform.isFxApplicationThread() + " " + f.getMessage()));
    assertThat(failure.get(5, TimeUnit.SECONDS)).isEqualTo("true card gone");
  }

  @Test
  void deliversValuesPublishedOnAnyThreadOnTheFxThread() throws Exception {
    CompletableFuture<Boolean> onFx = new CompletableFuture<>();
    Thread publisher =
        new Thread(
            () ->
                runner
                    .<String>delivering(v -> onFx.complete(Platform.isFxApplicationThread()))
                    .accept("status"));
    publisher.start();
    assertThat(onFx.get(5, TimeUnit.SECONDS)).isTrue();
  }
}
