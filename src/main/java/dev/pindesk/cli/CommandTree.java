package dev.pindesk.cli;

import dev.pindesk.cli.cardservice.CardServiceCommands;
import dev.pindesk.cli.cardservice.CardServiceServeCommand;
import dev.pindesk.cli.central.CentralCommands;
import dev.pindesk.cli.central.CentralEnrollCommand;
import dev.pindesk.cli.central.CentralNotInstalledCommand;
import dev.pindesk.cli.central.CentralRevokeCommand;
import dev.pindesk.cli.central.CentralServeCommand;
import dev.pindesk.cli.central.CentralStatsCommand;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.cli.journal.JournalExportCommand;
import dev.pindesk.cli.journal.JournalVerifyCommand;
import dev.pindesk.cli.journal.KeysInitCommand;
import dev.pindesk.cli.operators.OperatorsAddCommand;
import dev.pindesk.cli.operators.OperatorsCommand;
import dev.pindesk.cli.operators.OperatorsDisableCommand;
import dev.pindesk.cli.operators.OperatorsListCommand;
import dev.pindesk.cli.operators.PasswordPrompt;
import dev.pindesk.cli.pin.PinPolicyCheckCommand;
import dev.pindesk.cli.sam.SamInfoCommand;
import dev.pindesk.cli.sync.SyncCommand;
import dev.pindesk.cli.training.GenerateJournalCommand;
import dev.pindesk.cli.training.VirtualCardCommand;
import dev.pindesk.i18n.Messages;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The whole command line, assembled here and nowhere else: every command and group in the order
 * {@code --help} lists them, wired with the context, the services and what the person at the
 * terminal types. The windows ({@code gui}, {@code audit}) are composition roots of their own, so
 * the launcher hands them in and they come last.
 */
public final class CommandTree {
  private CommandTree() {}

  /**
   * What commands read from the terminal besides their arguments, and the clock they stamp with;
   * tests give their own.
   *
   * @param stdin candidate PINs for {@code pin-policy check}, read once to the end
   * @param passwords operator passwords typed without echo
   */
  public record Inputs(Supplier<InputStream> stdin, PasswordPrompt passwords, Clock clock) {

    /**
     * The JVM's console and clock. Standard input without {@code System.in}'s buffer: candidate
     * PINs read from it leave no copy in a buffer that cannot be wiped.
     */
    public static Inputs system() {
      return new Inputs(
          () -> new FileInputStream(FileDescriptor.in),
          PasswordPrompt.console(),
          Clock.systemUTC());
    }
  }

  @Command(name = "journal", description = "Verify and export audit journals.")
  static final class Journal {}

  @Command(name = "keys", description = "Workstation and supervisor keys.")
  static final class Keys {}

  @Command(name = "training", description = "Training tools.")
  static final class Training {}

  @Command(name = "sam", description = "The security module (PSAM).")
  static final class Sam {}

  @Command(name = "pin-policy", description = "The new-PIN policy, for administrators.")
  static final class PinPolicyGroup {}

  /**
   * Every command, then {@code appCommands} (the windows and what needs app, e.g. config), under
   * the {@code pindesk} root.
   */
  public static CommandLine build(
      CliContext context, CliServices services, Inputs inputs, Object... appCommands) {
    Messages messages = context.messages();
    CommandLine journal = new CommandLine(new Journal());
    journal.addSubcommand(new JournalVerifyCommand(messages, services));
    journal.addSubcommand(new JournalExportCommand(messages, services));
    CommandLine keys = new CommandLine(new Keys());
    keys.addSubcommand(new KeysInitCommand(messages, services));
    CommandLine training = new CommandLine(new Training());
    training.addSubcommand(new GenerateJournalCommand(messages, services));
    CommandLine pinPolicy = new CommandLine(new PinPolicyGroup());
    pinPolicy.addSubcommand(new PinPolicyCheckCommand(messages, services, inputs.stdin()));
    CommandLine sam = new CommandLine(new Sam());
    sam.addSubcommand(new SamInfoCommand(context.terminals(), messages, services));
    CommandLine operators = new CommandLine(new OperatorsCommand());
    operators.addSubcommand(
        new OperatorsAddCommand(messages, services, inputs.passwords(), inputs.clock()));
    operators.addSubcommand(new OperatorsListCommand(messages, services));
    operators.addSubcommand(new OperatorsDisableCommand(messages, services));
    Object[] commands = {
      new ReadersCommand(context),
      card(context, services),
      journal,
      keys,
      training,
      new SyncCommand(messages, services),
      pinPolicy,
      new VirtualCardCommand(messages, services),
      sam,
      operators,
      central(messages, services),
      cardService(messages, services)
    };
    CommandLine cli = PinDeskCli.root();
    for (Object command : commands) {
      cli.addSubcommand(command);
    }
    for (Object window : appCommands) {
      cli.addSubcommand(window);
    }
    return PinDeskCli.finish(cli, context);
  }

  /** Runs {@code args} on the whole tree; returns the exit code. */
  public static int run(
      CliContext context,
      CliServices services,
      Inputs inputs,
      String[] args,
      Object... appCommands) {
    return build(context, services, inputs, appCommands).execute(args);
  }

  private static CommandLine card(CliContext context, CliServices services) {
    CommandLine card = new CommandLine(new CardCommand());
    card.addSubcommand(new CardReadCommand(context, services));
    CommandLine profile = new CommandLine(new CardProfileCommand());
    profile.addSubcommand(new CardProfileShowCommand(context));
    card.addSubcommand(profile);
    return card;
  }

  /** The {@code card-service} group: the reference card-management service (ADR 0029). */
  private static CommandLine cardService(Messages messages, CliServices services) {
    CommandLine cardService = new CommandLine(new CardServiceCommands());
    cardService.addSubcommand(new CardServiceServeCommand(messages, services));
    return cardService;
  }

  /**
   * The {@code central} group; where the central's libraries are not installed (the counter's
   * package), a {@code central} that says so.
   */
  private static CommandLine central(Messages messages, CliServices services) {
    if (!CentralNotInstalledCommand.centralInstalled(CommandTree.class.getClassLoader())) {
      return new CommandLine(new CentralNotInstalledCommand(messages));
    }
    CommandLine central = new CommandLine(new CentralCommands());
    central.addSubcommand(new CentralServeCommand(messages, services));
    central.addSubcommand(new CentralEnrollCommand(messages, services));
    central.addSubcommand(new CentralStatsCommand(messages, services));
    central.addSubcommand(new CentralRevokeCommand(messages, services));
    return central;
  }
}
