package dev.pindesk.cli.operators;

import dev.pindesk.cli.common.CliServices;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code operators add --db PATH --id ID --name NAME [--role clerk|supervisor] [--password-file
 * F]}. The password comes from the first line of the file, or is typed twice on the console; it is
 * never a command-line argument (those end up in shell history and process lists).
 */
@Command(name = "add", description = "Add an operator account (password from a file or typed).")
public final class OperatorsAddCommand extends OperatorSubcommand {
  /** Shortest accepted password, in characters (code points). */
  static final int MIN_PASSWORD_LENGTH = 8;

  private static final Logger LOG = LoggerFactory.getLogger(OperatorsAddCommand.class);

  @Option(names = "--id", required = true, description = "Sign-in id: 2-32 of a-z 0-9 . _ -")
  String id;

  @Option(names = "--name", required = true, description = "Display name.")
  String name;

  @Option(
      names = "--role",
      description = "clerk or supervisor (default: ${DEFAULT-VALUE}).",
      defaultValue = "clerk")
  String role;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from the first line of FILE instead of the console.")
  Path passwordFile;

  private final PasswordPrompt prompt;
  private final Clock clock;

  public OperatorsAddCommand(
      Messages messages, CliServices services, PasswordPrompt prompt, Clock clock) {
    super(messages, services);
    this.prompt = prompt;
    this.clock = clock;
  }

  @Override
  int run() {
    if (!Operator.isValidId(id)) {
      return error(USAGE, "operator.invalid_id", id);
    }
    Operator.Role parsedRole;
    try {
      parsedRole = Operator.Role.valueOf(role.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("Invalid value for option '--role': " + role);
      return USAGE;
    }
    if (name.isBlank()) {
      spec.commandLine().getErr().println("Invalid value for option '--name': blank");
      return USAGE;
    }
    char[] password = null;
    try {
      Optional<char[]> read = readPassword();
      if (read.isEmpty()) {
        return FAILED; // already reported
      }
      password = read.get();
      if (Character.codePointCount(password, 0, password.length) < MIN_PASSWORD_LENGTH) {
        return error(FAILED, "operators.password_too_short", MIN_PASSWORD_LENGTH);
      }
      Operator operator =
          new Operator(
              id, name.strip(), parsedRole, true, clock.instant().truncatedTo(ChronoUnit.SECONDS));
      try (CliServices.OperatorAccounts directory = open()) {
        directory.add(operator, password);
      }
      LOG.info("operators add: {} ({}) added to {}", id, parsedRole, db());
      // The file too: without --db it is the production home's, which may surprise under sudo.
      out().println(messages.get("operators.addedTo", id, roleLabel(parsedRole), db().toString()));
      out().flush();
      return 0;
    } finally {
      Secrets.wipe(password);
    }
  }

  private Optional<char[]> readPassword() {
    if (passwordFile != null) {
      try {
        return Optional.of(PasswordFile.firstLine(passwordFile));
      } catch (IOException e) {
        error(FAILED, "operators.password_file_unreadable", passwordFile);
        return Optional.empty();
      }
    }
    Optional<char[]> first = prompt.read(messages.get("operators.prompt.password", id));
    if (first.isEmpty()) {
      error(FAILED, "operators.no_console");
      return Optional.empty();
    }
    Optional<char[]> second = prompt.read(messages.get("operators.prompt.repeat"));
    boolean same = second.isPresent() && Arrays.equals(first.get(), second.get());
    second.ifPresent(Secrets::wipe);
    if (!same) {
      Secrets.wipe(first.get());
      error(FAILED, "operators.password_mismatch");
      return Optional.empty();
    }
    return first;
  }

  private String roleLabel(Operator.Role r) {
    return messages.get("operators.role." + r.name().toLowerCase(Locale.ROOT));
  }
}
