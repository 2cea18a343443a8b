package dev.pindesk.service.counter;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where a {@link LocalCounterSession} runs each kind of work, so that one kind stuck on a device
 * never holds up another: the case's steps (card and journal, one at a time, in order), the clerk's
 * sign-in (a deliberately slow password hash and its journal entry), and the receipts (PDF
 * rendering and the print dialog). The journal's sync runs on its own thread, the window on its
 * own. The composition root owns the threads and shuts them down.
 */
public record SessionExecutors(Executor cases, Executor clerk, Executor receipts) {

  public SessionExecutors {
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(clerk, "clerk");
    Objects.requireNonNull(receipts, "receipts");
  }

  /** Everything on the calling thread: for tests of what the session does, not when. */
  public static SessionExecutors direct() {
    Executor direct = Runnable::run;
    return new SessionExecutors(direct, direct, direct);
  }
}
