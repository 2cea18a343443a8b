package dev.pindesk.app;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.cli.CliContext;
import dev.pindesk.cli.PinDeskCli;
import dev.pindesk.cli.central.CentralCommands;
import dev.pindesk.cli.operators.OperatorsCommand;
import dev.pindesk.cli.training.VirtualCardCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Wires the CLI: real PC/SC readers, built-in card profiles, translated messages. */
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
            memoize(PcscTerminals::new),
            memoize(CardProfiles::builtIn),
            Settings.cliMessages(),
            out,
            err);
    return PinDeskCli.run(context, args, commands(context));
  }

  /** Every command beside PinDesk's own card commands, wired with {@code context}. */
  public static Object[] commands(CliContext context) {
    CliWiring services = CliWiring.production();
    List<Object> extra = new ArrayList<>(List.of(CommandGroups.all(context.messages(), services)));
    extra.add(new VirtualCardCommand(context.messages()));
    extra.add(CommandGroups.sam(context.terminals(), context.messages(), services));
    extra.add(OperatorsCommand.create(context.messages(), services));
    extra.add(CentralCommands.create(context.messages()));
    extra.add(new GuiCommand());
    extra.add(new AuditCommand());
    return extra.toArray();
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
