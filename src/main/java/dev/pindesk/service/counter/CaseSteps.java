package dev.pindesk.service.counter;

import dev.pindesk.service.reset.ResetCaseService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs the case's steps one at a time on the case executor, and after each one, done or failed,
 * publishes the case as it now stands before the step's stage completes.
 */
final class CaseSteps {
  private final ResetCaseService cases;
  private final Executor executor;
  private final Consumer<CounterEvent> publish;

  CaseSteps(ResetCaseService cases, Executor executor, Consumer<CounterEvent> publish) {
    this.cases = cases;
    this.executor = executor;
    this.publish = publish;
  }

  ResetCaseService service() {
    return cases;
  }

  <T> CompletionStage<T> run(Callable<T> step) {
    CompletableFuture<T> reply = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            T value = null;
            Throwable failure = null;
            try {
              value = step.call();
            } catch (Exception | Error e) {
              failure = e;
            }
            publish.accept(new CounterEvent.CaseChanged(cases.snapshot()));
            if (failure == null) {
              reply.complete(value);
            } else {
              reply.completeExceptionally(failure);
            }
          });
    } catch (RejectedExecutionException e) {
      reply.completeExceptionally(e); // the counter is shutting down
    }
    return reply;
  }
}
