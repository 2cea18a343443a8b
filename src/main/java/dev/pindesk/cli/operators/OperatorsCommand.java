package dev.pindesk.cli.operators;

import dev.pindesk.cli.CliServices;
import dev.pindesk.i18n.Messages;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code operators add|list|disable}: local operator accounts for the clerk wizard's sign-in, in
 * the directory the services open. Exit codes: 0 ok, 2 usage, 1 any other failure (one translated
 * line on stderr).
 */
@Command(name = "operators", description = "Manage local operator (clerk/supervisor) accounts.")
public final class OperatorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private OperatorsCommand() {}

  /** The command tree, with the console for passwords. */
  public static CommandLine create(Messages messages, CliServices services) {
    return create(messages, services, PasswordPrompt.console(), Clock.systemUTC());
  }

  /**
   * The command tree with its collaborators given (tests pass services with a cheap hasher and
   * their own default {@code --db}, and no console).
   */
  public static CommandLine create(
      Messages messages, CliServices services, PasswordPrompt prompt, Clock clock) {
    CommandLine operators = new CommandLine(new OperatorsCommand());
    operators.addSubcommand(new OperatorsAddCommand(messages, services, prompt, clock));
    operators.addSubcommand(new OperatorsListCommand(messages, services));
    operators.addSubcommand(new OperatorsDisableCommand(messages, services));
    return operators;
  }

  /** No subcommand: usage on stderr, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
