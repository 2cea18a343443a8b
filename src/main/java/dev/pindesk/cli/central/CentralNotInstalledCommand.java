package dev.pindesk.cli.central;

import dev.pindesk.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The {@code central} command where the central receiver's libraries (Flyway, the PostgreSQL
 * driver) are not installed, as in the counter's Debian package (ADR 0019): whatever follows, one
 * translated line saying so and where the central comes from, instead of a {@code
 * NoClassDefFoundError} half-way through a subcommand.
 */
@Command(
    name = "central",
    description = "Reference central receiver of journal sync (not part of this installation).")
public final class CentralNotInstalledCommand implements Callable<Integer> {
  /** Classes only the central loads; one missing means the central is not installed. */
  static final List<String> CENTRAL_CLASSES =
      List.of(
          "org.flywaydb.core.Flyway",
          "org.postgresql.Driver",
          "com.zaxxer.hikari.HikariDataSource",
          "io.prometheus.metrics.core.metrics.Counter",
          "org.eclipse.jetty.server.Server");

  private final Messages messages;

  @Spec CommandSpec spec;

  // Any subcommand or option, --help included: the answer is the same line.
  @Unmatched List<String> ignored = new ArrayList<>();

  public CentralNotInstalledCommand(Messages messages) {
    this.messages = messages;
  }

  /** Whether every class the central needs can be loaded by {@code loader}. */
  public static boolean centralInstalled(ClassLoader loader) {
    for (String name : CENTRAL_CLASSES) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println(messages.get("cli.central.notInstalled"));
    return 1;
  }
}
