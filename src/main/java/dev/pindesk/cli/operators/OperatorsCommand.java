package dev.pindesk.cli.operators;

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

  public OperatorsCommand() {}

  /** No subcommand: usage on stderr, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
