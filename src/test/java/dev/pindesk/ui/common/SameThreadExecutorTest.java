package dev.pindesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test executor behaves as the counter's: one callback per job, failures as values. */
class SameThreadExecutorTest {
  private final SameThreadExecutor executor = new SameThreadExecutor();
  private final List<String> seen = new ArrayList<>();

  @Test
  void runsTheWorkAndItsSuccessCallbackOnTheCallingThreadAtOnce() {
    Thread caller = Thread.currentThread();
    executor.run(
        () -> Thread.currentThread() == caller ? "same" : "other",
        seen::add,
        f -> seen.add("failed"));
    assertThat(seen).containsExactly("same");
  }

  @Test
  void handsWhatTheWorkThrowsToTheFailureCallbackOnly() {
    executor.run(
        () -> {
          throw new IOException("disk full");
        },
        r -> seen.add("succeeded"),
        f -> seen.add(f.getMessage()));
    assertThat(seen).containsExactly("disk full");
  }

  @Test
  void heldJobsRunInOrderOnRelease() {
    executor.hold();
    executor.run(() -> "first", seen::add, f -> {});
    executor.run(() -> "second", seen::add, f -> {});
    assertThat(seen).isEmpty();
    assertThat(executor.heldJobs()).isEqualTo(2);
    executor.release();
    assertThat(seen).containsExactly("first", "second");
    assertThat(executor.jobs()).isEqualTo(2);
  }

  @Test
  void deliversPublishedValuesThroughTheUiThread() {
    executor.<String>delivering(seen::add).accept("event");
    assertThat(seen).containsExactly("event");
  }
}
