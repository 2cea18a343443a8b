package dev.pindesk.cli.pin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.pin.PinContext;
import dev.pindesk.domain.pin.PinPolicy;
import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.domain.pin.PinVerdict;
import dev.pindesk.domain.pin.WeakPinReason;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.PinPolicyFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pin-policy check [--ssn S] [--card-number N] [--phone P] [--account A] [--region R]
 * [--policy FILE] [--json]}: judges candidate PINs read from standard input, one per line, and
 * prints in input order {@code accepted} or {@code refused <reason>} (the reason's stable wire
 * key), or with {@code --json} one array of {@code {"accepted", "reason", "reasons"}}. Never prints
 * a PIN. Exit 0 when every line was judged (refusals are normal output); 2 for a bad option or a
 * policy file that cannot be used; 1 when standard input cannot be read.
 */
@Command(
    name = "check",
    description =
        "Judge candidate PINs from standard input, one per line: accepted or refused <reason>.")
public final class PinPolicyCheckCommand implements Callable<Integer> {
  private static final Pattern SSN = Pattern.compile("[0-9]{17}[0-9Xx]|[0-9]{15}");
  private static final Pattern CARD_NUMBER = Pattern.compile("[0-9A-Za-z]{1,20}");
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 -]*");
  private static final Pattern REGION = Pattern.compile("[0-9]{6}");
  private static final int MIN_DIGITS = 6;
  private static final PinVerdict NOT_SIX_DIGITS =
      new PinVerdict(List.of(WeakPinReason.NOT_SIX_DIGITS));

  private final Messages messages;
  private final CliServices services;
  private final Supplier<InputStream> stdin;

  @Spec CommandSpec spec;

  @Option(names = "--ssn", paramLabel = "S", description = "Holder's ID number (SSN).")
  String ssn;

  @Option(names = "--card-number", paramLabel = "N", description = "Card number.")
  String cardNumber;

  @Option(names = "--phone", paramLabel = "P", description = "Citizen's phone number.")
  String phone;

  @Option(names = "--account", paramLabel = "A", description = "Citizen's bank account number.")
  String account;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "Issuing region code (6 digits; default: the first 6 of --ssn).")
  String region;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "PIN policy file (default: setting pindesk.pin.policy, else the built-in one).")
  Path policy;

  @Option(names = "--json", description = "Print one JSON array of {accepted, reason, reasons}.")
  boolean json;

  public PinPolicyCheckCommand(
      Messages messages, CliServices services, Supplier<InputStream> stdin) {
    this.messages = messages;
    this.services = services;
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> badOption = badOption();
    if (badOption.isPresent()) {
      err.println(messages.get("cli.error", badOption.get()));
      err.flush();
      return 2;
    }
    PinPolicyProfile profile;
    try {
      profile =
          services.pinPolicy(
              Optional.ofNullable(policy).or(() -> services.setting("pin.policy").map(Path::of)));
    } catch (PinPolicyFileException e) {
      err.println(
          messages.get(
              "cli.error",
              messages.get(
                  e.messageKey(),
                  e.file().toString(),
                  messages.get(e.problemKey(), e.problemArgs()))));
      err.flush();
      return 2;
    }
    PinPolicy rules = new PinPolicy(profile);
    PinContext context = context();
    Output output = json ? new JsonOutput(out) : new TextOutput(out);
    // Standard input is read to its end and left open: it is the process's, not this command's.
    try {
      PinLines.read(
          stdin.get(),
          new PinLines.Sink() {
            @Override
            public void sixDigits(Pin pin) {
              output.verdict(rules.check(pin, context));
            }

            @Override
            public void notSixDigits() {
              output.verdict(NOT_SIX_DIGITS);
            }
          });
    } catch (IOException e) {
      output.end();
      out.flush();
      err.println(messages.get("cli.error", messages.get("cli.pinPolicy.inputFailed")));
      err.flush();
      return 1;
    }
    output.end();
    out.flush();
    return 0;
  }

  /** The translated reason an option is refused, if one is. */
  private Optional<String> badOption() {
    if (ssn != null && !SSN.matcher(ssn).matches()) {
      return Optional.of(messages.get("cli.pinPolicy.badSsn"));
    }
    if (cardNumber != null && !CARD_NUMBER.matcher(cardNumber).matches()) {
      return Optional.of(messages.get("cli.pinPolicy.badCardNumber"));
    }
    if (phone != null && !longEnoughNumber(phone)) {
      return Optional.of(messages.get("cli.pinPolicy.badNumber", "--phone"));
    }
    if (account != null && !longEnoughNumber(account)) {
      return Optional.of(messages.get("cli.pinPolicy.badNumber", "--account"));
    }
    if (region != null && !REGION.matcher(region).matches()) {
      return Optional.of(messages.get("cli.pinPolicy.badRegion"));
    }
    return Optional.empty();
  }

  private static boolean longEnoughNumber(String number) {
    return NUMBER.matcher(number).matches()
        && number.chars().filter(c -> c >= '0' && c <= '9').count() >= MIN_DIGITS;
  }

  private PinContext context() {
    PinContext context = PinContext.NONE;
    if (ssn != null) {
      context = context.withHolderIdNumber(ssn.toUpperCase(java.util.Locale.ROOT));
    }
    if (cardNumber != null) {
      context = context.withCardNumber(cardNumber);
    }
    if (phone != null) {
      context = context.withPhone(phone);
    }
    if (account != null) {
      context = context.withBankAccount(account);
    }
    Optional<String> code =
        Optional.ofNullable(region).or(() -> Optional.ofNullable(ssn).map(s -> s.substring(0, 6)));
    return code.isPresent() ? context.withRegion(code.get()) : context;
  }

  /** Where verdicts go: one line each, or one JSON array. */
  private interface Output {
    void verdict(PinVerdict verdict);

    void end();
  }

  private record TextOutput(PrintWriter out) implements Output {
    @Override
    public void verdict(PinVerdict verdict) {
      out.println(verdict.firstReason().map(r -> "refused " + r.wireKey()).orElse("accepted"));
    }

    @Override
    public void end() {}
  }

  /** Streams the array, so a long input needs no memory for its verdicts. */
  private static final class JsonOutput implements Output {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintWriter out;
    private boolean first = true;

    JsonOutput(PrintWriter out) {
      this.out = out;
      out.print('[');
    }

    @Override
    public void verdict(PinVerdict verdict) {
      ObjectNode n = MAPPER.createObjectNode();
      n.put("accepted", verdict.accepted());
      Optional<WeakPinReason> reason = verdict.firstReason();
      if (reason.isPresent()) {
        n.put("reason", reason.get().wireKey());
      } else {
        n.putNull("reason");
      }
      ArrayNode all = n.putArray("reasons");
      verdict.reasons().forEach(r -> all.add(r.wireKey()));
      out.print(first ? "" : ",");
      out.print(n);
      first = false;
    }

    @Override
    public void end() {
      out.println(']');
    }
  }
}
