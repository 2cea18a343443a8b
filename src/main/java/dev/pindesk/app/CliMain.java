package dev.pindesk.app;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.cli.CliContext;
import dev.pindesk.cli.CommandTree;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Wires the CLI: real PC/SC readers, built-in card profiles, translated messages, the production
 * services ({@link CliWiring}) and the two windows; the tree itself is {@link CommandTree}'s.
 */
public final class CliMain {
  private CliMain() {}

  static int run(String[] args) {
    // UTF-8, but a Windows console's code page (936 at Chinese counters) when writing to one.
    Charset console = ConsoleCharset.current();
    PrintWriter out = new PrintWriter(System.out, true, console);
    PrintWriter err = new PrintWriter(System.err, true, console);
    java.util.Optional<Settings.FileProblem> settingsFile = Settings.fileProblem();
    // The windows say it themselves (a menu entry has no terminal): the counter on its sign-in
    // screen; the audit window needs none of the machine's settings.
    boolean window = args.length > 0 && (args[0].equals("gui") || args[0].equals("audit"));
    if (settingsFile.isPresent() && !window) {
      err.println(settingsFile.get().describe(Settings.cliMessages()));
      return 2;
    }
    CliContext context =
        new CliContext(
            memoize(() -> new PcscTerminals(Settings.get("pcsc.library"))),
            memoize(CardProfiles::builtIn),
            Settings.cliMessages(),
            out,
            err);
    return tree(context).execute(args);
  }

  /** The whole command line with the production services, the console and the windows. */
  public static CommandLine tree(CliContext context) {
    return CommandTree.build(
        context,
        CliWiring.production(),
        CommandTree.Inputs.system(),
        ConfigCommand.create(context.messages()),
        new GuiCommand(),
        new AuditCommand());
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
