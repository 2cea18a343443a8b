package dev.pindesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs card, disk and network work off the FX thread and hands results back on it. Tests may use a
 * runner that executes on the calling thread.
 */
public class TaskRunner implements AutoCloseable {
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "pindesk-task");
            t.setDaemon(true);
            return t;
          });

  /** Runs {@code work} in the background; exactly one of the callbacks runs on the FX thread. */
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

  /** Runs {@code action} on the FX thread (now if already on it). */
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
