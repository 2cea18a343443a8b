package dev.pindesk.cli;

import dev.pindesk.domain.error.CardException;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line: {@code java -jar pindesk.jar <command>}. Exit codes: 0 ok, 2 usage, 3 no reader
 * / PC/SC unavailable, 4 no card, 5 card error; one translated line on stderr, a stack trace only
 * with {@code --debug}.
 */
@Command(
    name = "pindesk",
    versionProvider = VersionProvider.class,
    description = "PinDesk: social security card PIN service at the counter.")
public final class PinDeskCli implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(PinDeskCli.class);

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of failures.")
  boolean debug;

  // Every command answers --help (its usage, exit 0, even when required options are missing): the
  // one-line usage errors (UsageErrors) point there.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print version information and exit.")
  boolean version;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private PinDeskCli() {}

  /** No subcommand: show usage (the launcher opens the GUI when there are no arguments at all). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  /** The {@code pindesk} root, before its commands ({@link CommandTree} adds them). */
  static CommandLine root() {
    return new CommandLine(new PinDeskCli());
  }

  /**
   * Call after every command is added: help in the user's language, the streams, one translated
   * line for usage errors and for failures.
   */
  static CommandLine finish(CommandLine cli, CliContext context) {
    PinDeskCli root = cli.getCommand();
    helpIn(cli, context.messages().locale());
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setParameterExceptionHandler(new UsageErrors(context.messages()));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean debug = parseResult.hasMatchedOption("--debug") || root.debug;
          if (debug) {
            e.printStackTrace(context.err());
          }
          if (e instanceof CardException ce) {
            LOG.debug("command failed: {}", ce.getMessage());
            context
                .err()
                .println(context.messages().get("cli.error", context.messages().describe(ce)));
            context.err().flush();
            return ce.code().cliExitCode();
          }
          LOG.error("command failed", e);
          context.err().println(context.messages().get("cli.unexpected", e.toString()));
          context.err().flush();
          return 1;
        });
    return cli;
  }

  /** The Chinese help texts of {@code i18n/cli.properties}; English ones are the annotations'. */
  static final String HELP_BUNDLE = "dev.pindesk.i18n.cli";

  /** Call after every subcommand is added: picocli hands the bundle down to those it has. */
  private static void helpIn(CommandLine cli, Locale locale) {
    if (locale.getLanguage().equals(Locale.CHINESE.getLanguage())) {
      cli.setResourceBundle(ResourceBundle.getBundle(HELP_BUNDLE, Locale.SIMPLIFIED_CHINESE));
    }
  }
}
