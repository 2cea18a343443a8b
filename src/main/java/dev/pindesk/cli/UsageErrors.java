package dev.pindesk.cli;

import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be parsed, told in the user's language on one line of stderr: what is
 * wrong, and the {@code --help} to run (picocli's own text is English and followed by the whole
 * usage). Exit code 2.
 */
final class UsageErrors implements IParameterExceptionHandler {
  private static final Pattern OPTION = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]*");

  private final Messages messages;

  UsageErrors(Messages messages) {
    this.messages = messages;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String help = command.getCommandSpec().qualifiedName() + " --help";
    err.println(messages.get("cli.error", messages.get("cli.usage.line", describe(e), help)));
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  String describe(ParameterException e) {
    if (e instanceof MissingParameterException missing) {
      // Of an either/or pair (--db | --jdbc) picocli lists both as missing; only one is wanted.
      boolean eitherOr =
          missing.getMissing().stream().allMatch(a -> a.group() != null && a.group().exclusive());
      return messages.get(
          eitherOr ? "cli.usage.missingOneOf" : "cli.usage.missing", names(missing.getMissing()));
    }
    if (e instanceof UnmatchedArgumentException unmatched) {
      String what = String.join(" ", unmatched.getUnmatched());
      List<String> suggestions = unmatched.getSuggestions();
      return suggestions.isEmpty()
          ? messages.get("cli.usage.unknown", what)
          : messages.get("cli.usage.unknownSuggest", what, String.join(", ", suggestions));
    }
    if (e instanceof MutuallyExclusiveArgsException) {
      return messages.get("cli.usage.exclusive", optionsIn(e.getMessage()));
    }
    if (e instanceof OverwrittenOptionException overwritten) {
      return messages.get("cli.usage.repeated", name(overwritten.getOverwritten()));
    }
    if (e.getArgSpec() != null && e.getValue() != null) {
      return messages.get("cli.usage.badValue", name(e.getArgSpec()), e.getValue());
    }
    String options = optionsIn(e.getMessage());
    return options.isEmpty()
        ? messages.get("cli.usage.other")
        : messages.get("cli.usage.otherOptions", options);
  }

  private static String names(List<ArgSpec> specs) {
    return specs.stream().map(UsageErrors::name).collect(Collectors.joining(", "));
  }

  private static String name(ArgSpec spec) {
    if (spec instanceof OptionSpec option) {
      return option.longestName();
    }
    if (spec instanceof PositionalParamSpec positional) {
      return positional.paramLabel();
    }
    return String.valueOf(spec);
  }

  /** The option names a picocli message mentions (it offers no list for some errors). */
  private static String optionsIn(String message) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = OPTION.matcher(message == null ? "" : message);
    while (m.find()) {
      found.add(m.group());
    }
    return String.join(", ", found);
  }
}
