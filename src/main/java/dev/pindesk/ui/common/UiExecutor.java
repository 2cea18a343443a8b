package dev.pindesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where a view model's work runs: blocking work (card, journal, disk, network, the deliberately
 * slow password hash) away from the UI thread, and every change of a UI property on it. View models
 * take one in their constructor and never call {@code Platform.runLater} themselves, so that their
 * behaviour can be tested as plain JUnit tests with an executor that runs everything on the calling
 * thread; the counter runs them with {@link TaskRunner}.
 *
 * <p>Results, failures and events reach the UI thread only through this interface: a service that
 * publishes immutable results or events on its own thread (the reader watcher, the counter session)
 * is subscribed to with {@link #delivering}; a counter session's replies come through {@link
 * #deliver}.
 */
public interface UiExecutor {

  /**
   * Runs {@code work} in the background; afterwards exactly one of the callbacks runs on the UI
   * thread: {@code onSuccess} with its result, or {@code onFailure} with what it threw. Never
   * blocks the caller.
   */
  <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /**
   * Waits for {@code reply} (a counter session's, completing on the session's threads) without
   * blocking; then exactly one of the callbacks runs on the UI thread: {@code onSuccess} with its
   * value, or {@code onFailure} with why it failed (unwrapped from a {@link CompletionException}).
   */
  default <T> void deliver(
      CompletionStage<T> reply, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    reply.whenComplete(
        (value, failure) ->
            onUi(
                () -> {
                  if (failure == null) {
                    onSuccess.accept(value);
                  } else {
                    onFailure.accept(
                        failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure);
                  }
                }));
  }

  /** Runs {@code action} on the UI thread: now when called on it, soon otherwise. */
  void onUi(Runnable action);

  /** {@code listener}, called on the UI thread whatever thread publishes to the returned one. */
  default <T> Consumer<T> delivering(Consumer<T> listener) {
    return value -> onUi(() -> listener.accept(value));
  }
}
