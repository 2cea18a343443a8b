package dev.pindesk.app;

import dev.pindesk.i18n.Messages;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code config show}: the counter's settings for administrators. */
@Command(name = "config", description = "The counter's settings.")
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private ConfigCommand() {}

  /** The command tree on this machine's settings. */
  static CommandLine create(Messages messages) {
    return create(
        messages,
        Settings.lookup(),
        Settings::fileSetting,
        Settings::fileNames,
        Path.of(System.getProperty("user.home")));
  }

  /**
   * The command tree on the given settings (tests).
   *
   * @param settingsFile the settings file's name and where that came from
   * @param fileNames the names the settings file sets
   * @param userHome where the default homes are
   */
  static CommandLine create(
      Messages messages,
      SettingLookup settings,
      Supplier<SettingValue> settingsFile,
      Supplier<Set<String>> fileNames,
      Path userHome) {
    CommandLine config = new CommandLine(new ConfigCommand());
    config.addSubcommand(
        new ConfigShowCommand(messages, settings, settingsFile, fileNames, userHome));
    return config;
  }

  /** No subcommand: usage on stderr, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
