package dev.pindesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The {@link UiExecutor} of view-model tests: work and its callback run on the calling thread, at
 * once, so a test reads as "press, then check" without a JavaFX toolkit or waiting. {@link #hold()}
 * keeps the next jobs back (the view model then is busy, as while a card is read) until {@link
 * #release()}.
 */
public final class SameThreadExecutor implements UiExecutor {
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
