package dev.pindesk.app;

import dev.pindesk.cli.journal.JournalExportCommand;
import dev.pindesk.cli.journal.JournalVerifyCommand;
import dev.pindesk.cli.journal.KeysInitCommand;
import dev.pindesk.cli.pin.PinPolicyCheckCommand;
import dev.pindesk.cli.sam.SamInfoCommand;
import dev.pindesk.cli.sync.SyncCommand;
import dev.pindesk.cli.training.GenerateJournalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code journal}, {@code keys}, {@code training}, {@code sam} and {@code pin-policy} command
 * groups and {@code sync}, wired with messages.
 */
public final class CommandGroups {
  private CommandGroups() {}

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

  /** {@code pin-policy check}, reading candidate PINs from {@code stdin}. */
  public static CommandLine pinPolicy(
      dev.pindesk.i18n.Messages messages,
      java.util.function.Function<String, java.util.Optional<String>> settings,
      java.util.function.Supplier<java.io.InputStream> stdin) {
    CommandLine group = new CommandLine(new PinPolicyGroup());
    group.addSubcommand(new PinPolicyCheckCommand(messages, settings, stdin));
    return group;
  }

  /** {@code sam info} over the CLI's readers. */
  public static CommandLine sam(
      java.util.function.Supplier<dev.pindesk.ports.CardTerminals> terminals,
      dev.pindesk.i18n.Messages messages,
      dev.pindesk.cli.CliServices services) {
    CommandLine sam = new CommandLine(new Sam());
    sam.addSubcommand(new SamInfoCommand(terminals, messages, services));
    return sam;
  }

  /**
   * Standard input without {@code System.in}'s buffer: candidate PINs read from it leave no copy in
   * a buffer that cannot be wiped (the command reads it once, to the end).
   */
  private static java.io.InputStream standardInput() {
    return new java.io.FileInputStream(java.io.FileDescriptor.in);
  }

  /** The groups as subcommands for {@code PinDeskCli.run(..., extra)}. */
  public static Object[] all(
      dev.pindesk.i18n.Messages messages, dev.pindesk.cli.CliServices services) {
    CommandLine journal = new CommandLine(new Journal());
    journal.addSubcommand(new JournalVerifyCommand(messages, services));
    journal.addSubcommand(new JournalExportCommand(messages));
    CommandLine keys = new CommandLine(new Keys());
    keys.addSubcommand(new KeysInitCommand(messages, services));
    CommandLine training = new CommandLine(new Training());
    training.addSubcommand(new GenerateJournalCommand(messages, services));
    return new Object[] {
      journal,
      keys,
      training,
      new SyncCommand(messages, services),
      pinPolicy(messages, services::setting, CommandGroups::standardInput)
    };
  }
}
