package dev.pindesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The {@link UiExecutor} of view-model tests, and the executor of the counter session they drive:
 * work and its callback run on the calling thread, at once, so a test reads as "press, then check"
 * without a JavaFX toolkit or waiting. {@link #hold()} keeps the next jobs back (the view model
 * then is busy, as while a card is read) until {@link #release()}.
 */
public final class SameThreadExecutor implements UiExecutor, Executor {
  private final Deque<Runnable> held = new ArrayDeque<>();
  private boolean holding;
  private int jobs;

  @Override
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    jobs++;
    Runnable job =
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Throwable t) { // as a Task: anything the work throws is its failure
            onFailure.accept(t);
            return;
          }
          onSuccess.accept(result);
        };
    if (holding) {
      held.add(job);
    } else {
      job.run();
    }
  }

  /**
   * As the counter session's executor: {@code job} runs at once on the calling thread, or is kept
   * back while holding — the window then waits for the session, as while a card is read.
   */
  @Override
  public void execute(Runnable job) {
    jobs++;
    if (holding) {
      held.add(job);
    } else {
      job.run();
    }
  }

  @Override
  public void onUi(Runnable action) {
    action.run();
  }

  /** Keeps background jobs back from now on, until {@link #release()}. */
  public SameThreadExecutor hold() {
    holding = true;
    return this;
  }

  /** Runs the jobs kept back, in order (and any they start), and stops holding. */
  public void release() {
    holding = false;
    while (!held.isEmpty()) {
      held.poll().run();
    }
  }

  /** Jobs kept back by {@link #hold()} and not yet run. */
  public int heldJobs() {
    return held.size();
  }

  /** Background jobs started so far, run or held. */
  public int jobs() {
    return jobs;
  }
}
