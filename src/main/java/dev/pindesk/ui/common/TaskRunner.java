package dev.pindesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The counter's {@link UiExecutor}: card, disk and network work runs on one background thread, in
 * order, as {@link Task}s, and results come back on the FX thread; the FX thread never waits for
 * it. (Tests of view models use a same-thread executor instead and need no JavaFX toolkit.)
 */
public class TaskRunner implements UiExecutor, AutoCloseable {
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "pindesk-task");
            t.setDaemon(true);
            return t;
          });

  @Override
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Task<T> task =
        new Task<>() {
          @Override
          protected T call() throws Exception {
            return work.call();
          }
        };
    task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
    task.setOnFailed(e -> onFailure.accept(task.getException()));
    executor.execute(task);
  }

  @Override
  public void onUi(Runnable action) {
    onFx(action);
  }

  /**
   * Runs {@code action} on the FX thread (now if already on it). For views and the window shell,
   * which are JavaFX anyway; view models use their executor's {@link #onUi}.
   */
  public static void onFx(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
