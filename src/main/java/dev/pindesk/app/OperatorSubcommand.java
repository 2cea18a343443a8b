package dev.pindesk.app;

import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.domain.operator.OperatorException;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the {@code operators} subcommands share: the {@code --db} option, opening the directory, and
 * turning failures into one translated line on stderr with exit code 1.
 */
abstract class OperatorSubcommand implements Callable<Integer> {
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--db",
      required = true,
      paramLabel = "PATH",
      description = "Operator database (SQLite file).")
  Path db;

  final Messages messages;
  private final Function<Path, SqliteOperatorDirectory> opener;

  OperatorSubcommand(Messages messages, Function<Path, SqliteOperatorDirectory> opener) {
    this.messages = messages;
    this.opener = opener;
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

  /** Opens (creating if needed) {@code --db}. */
  final SqliteOperatorDirectory open() {
    return opener.apply(db);
  }

  /** Commands that only read or change existing accounts do not create an empty database. */
  final boolean databaseMissing() {
    return !Files.exists(db);
  }

  final int reportMissingDatabase() {
    return error(FAILED, "operators.db_missing", db);
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
