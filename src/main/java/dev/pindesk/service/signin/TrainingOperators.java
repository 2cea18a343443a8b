package dev.pindesk.service.signin;

import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.ports.OperatorDirectory;
import java.time.Clock;
import java.util.Optional;

/**
 * The demo operator of training mode: id {@code demo}, password {@code demo}, role clerk.
 *
 * <p>Only the composition root calls this, only in training mode, and only with the training
 * operator directory — a separate file from the production directory (as the training journal is
 * separate from the production journal). A well-known password is acceptable there because training
 * mode only ever talks to virtual cards with training keys; it must never reach a production
 * directory, which is why this is not done by the directory itself or by the CLI.
 */
public final class TrainingOperators {
  /** The demo operator's id. */
  public static final String DEMO_ID = "demo";

  /** The demo operator's display name. */
  public static final String DEMO_NAME = "培训操作员 Demo";

  private TrainingOperators() {}

  /** Adds the demo operator unless it exists; returns it as stored. */
  public static Operator ensureDemo(OperatorDirectory trainingDirectory) {
    return ensureDemo(trainingDirectory, Clock.systemUTC());
  }

  /** As {@link #ensureDemo(OperatorDirectory)}, with {@code clock} for the creation time. */
  public static Operator ensureDemo(OperatorDirectory trainingDirectory, Clock clock) {
    Optional<Operator> existing = trainingDirectory.find(DEMO_ID);
    if (existing.isPresent()) {
      return existing.get();
    }
    Operator demo = new Operator(DEMO_ID, DEMO_NAME, Operator.Role.CLERK, true, clock.instant());
    char[] password = {'d', 'e', 'm', 'o'};
    try {
      trainingDirectory.add(demo, password);
    } finally {
      Secrets.wipe(password);
    }
    return demo;
  }
}
