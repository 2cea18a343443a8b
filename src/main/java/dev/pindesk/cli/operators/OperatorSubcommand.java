package dev.pindesk.cli.operators;

import dev.pindesk.cli.common.CliServices;
import dev.pindesk.domain.operator.OperatorException;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the {@code operators} subcommands share: the {@code --db} option, opening the directory, and
 * turning failures into one translated line on stderr with exit code 1.
 */
public abstract class OperatorSubcommand implements Callable<Integer> {
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description =
          "Operator database (SQLite file); default: the production counter's, operators.db in"
              + " pindesk.home (~/.pindesk).")
  Path db;

  final Messages messages;
  private final CliServices services;

  OperatorSubcommand(Messages messages, CliServices services) {
    this.messages = messages;
    this.services = services;
  }

  /** {@code --db}, else the file the production counter reads. */
  final Path db() {
    return db != null ? db : services.operatorsDatabase();
  }

  /** The command's work; runs with failures already handled. */
  abstract int run();

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (OperatorException e) {
      return error(FAILED, e.messageKey(), e.subject());
    }
  }

  /**
   * Opens (creating if needed) {@code --db}; the default's directory is created too, since an
   * administrator may add operators before anything else has made the production home.
   */
  final CliServices.OperatorAccounts open() {
    Path file = db();
    if (db == null && file.getParent() != null) {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new OperatorException(OperatorException.Reason.STORE_FAILED, file.toString(), e);
      }
    }
    return services.operators(file);
  }

  /** Commands that only read or change existing accounts do not create an empty database. */
  final boolean databaseMissing() {
    return !Files.exists(db());
  }

  final int reportMissingDatabase() {
    return error(FAILED, "operators.db_missing", db());
  }

  final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  final int error(int exitCode, String key, Object... args) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(messages.get("cli.error", messages.get(key, args)));
    err.flush();
    return exitCode;
  }
}
