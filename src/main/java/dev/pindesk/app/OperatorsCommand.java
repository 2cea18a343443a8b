package dev.pindesk.app;

import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.i18n.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code operators add|list|disable}: local operator accounts for the clerk wizard's sign-in. Lives
 * in the composition root because it opens the SQLite directory itself. Exit codes: 0 ok, 2 usage,
 * 1 any other failure (one translated line on stderr).
 */
@Command(name = "operators", description = "Manage local operator (clerk/supervisor) accounts.")
final class OperatorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private OperatorsCommand() {}

  /** The command tree, with the production directory and the console for passwords. */
  static CommandLine create(Messages messages) {
    return create(
        messages,
        SqliteOperatorDirectory::open,
        PasswordPrompt.console(),
        Clock.systemUTC(),
        Settings::get);
  }

  /**
   * The command tree with its collaborators given (tests pass a cheap hasher, no console, and the
   * settings that say where the default {@code --db} is).
   */
  static CommandLine create(
      Messages messages,
      Function<Path, SqliteOperatorDirectory> opener,
      PasswordPrompt prompt,
      Clock clock,
      Function<String, Optional<String>> settings) {
    CommandLine operators = new CommandLine(new OperatorsCommand());
    operators.addSubcommand(new OperatorsAddCommand(messages, opener, prompt, clock, settings));
    operators.addSubcommand(new OperatorsListCommand(messages, opener, settings));
    operators.addSubcommand(new OperatorsDisableCommand(messages, opener, settings));
    return operators;
  }

  /** No subcommand: usage on stderr, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
