package dev.pindesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.card.CardProfile;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.ProfileCommands;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code card profile show [ID] [--json]}: the card profiles PinDesk uses — what each matches, the
 * bytes of every command it sends, and the assumptions (values without a public source) a
 * deployment must check against the card vendor's manual. All profiles without an id.
 */
@Command(
    name = "show",
    description = "Show card profiles: matching, command bytes and assumptions.")
final class CardProfileShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Profile id.")
  String id;

  @Option(names = "--json", description = "Print a JSON array of profiles.")
  boolean json;

  CardProfileShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CardProfiles profiles = context.profiles().get();
    List<CardProfile> shown;
    if (id == null) {
      shown = profiles.all();
    } else {
      shown = profiles.byId(id).map(List::of).orElse(List.of());
      if (shown.isEmpty()) {
        context
            .err()
            .println(
                context
                    .messages()
                    .get(
                        "cli.profile.unknown",
                        id,
                        profiles.all().stream()
                            .map(CardProfile::id)
                            .collect(Collectors.joining(", "))));
        context.err().flush();
        return 2;
      }
    }
    PrintWriter out = context.out();
    if (json) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      shown.forEach(p -> array.add(toJson(p)));
      out.println(Json.write(array));
    } else {
      for (int i = 0; i < shown.size(); i++) {
        if (i > 0) {
          out.println();
        }
        print(shown.get(i), context.messages(), out);
      }
    }
    out.flush();
    return 0;
  }

  private static void print(CardProfile p, Messages m, PrintWriter out) {
    out.println(m.get("cli.profile.id", p.id()));
    out.println(m.get("cli.profile.description", p.description()));
    out.println(match(p.match(), m));
    out.println(m.get("cli.profile.commands"));
    for (ProfileCommands.Command c : ProfileCommands.of(p)) {
      out.println("  " + describe(c, m));
    }
    out.println(
        m.get(
            p.resetRestoresTries()
                ? "cli.profile.unlock_reset_only"
                : "cli.profile.unlock_unblock_then_reset"));
    out.println(m.get("cli.profile.holder_file." + p.holderFileAccess().name().toLowerCase()));
    if (p.assumptions().isEmpty()) {
      out.println(m.get("cli.profile.no_assumptions"));
    } else {
      out.println(m.get("cli.profile.assumptions"));
      p.assumptions().forEach(a -> out.println("  - " + a));
    }
  }

  /** One command line: its name, bytes and, for a privileged one, strategy and key. */
  static String describe(ProfileCommands.Command c, Messages m) {
    String line = m.get("profile.command." + c.name()) + ": " + c.apdu();
    if (!c.privileged()) {
      return line;
    }
    String key = String.format(java.util.Locale.ROOT, "%02X", c.keyIndex());
    return line
        + "  ("
        + m.get(
            c.afterExternalAuthentication()
                ? "profile.command.privileged_after_authentication"
                : "profile.command.privileged",
            c.strategy(),
            key)
        + ")";
  }

  private static String match(CardProfile.Match match, Messages m) {
    String any = m.get("cli.profile.any");
    String cards =
        m.get(
            match.trainingCard() == null
                ? "cli.profile.cards.any"
                : match.trainingCard() ? "cli.profile.cards.training" : "cli.profile.cards.real");
    return m.get(
        "cli.profile.match",
        cards,
        match.specVersions().isEmpty() ? any : String.join(", ", match.specVersions()),
        match.algorithms().isEmpty()
            ? any
            : match.algorithms().stream().map(Enum::name).collect(Collectors.joining(", ")),
        match.regionPrefixes().isEmpty() ? any : String.join(", ", match.regionPrefixes()));
  }

  /** The stable JSON of the CLI contract. */
  static ObjectNode toJson(CardProfile p) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", p.id());
    n.put("description", p.description());
    ObjectNode match = n.putObject("match");
    if (p.match().trainingCard() == null) {
      match.putNull("trainingCard");
    } else {
      match.put("trainingCard", p.match().trainingCard());
    }
    p.match().specVersions().forEach(match.putArray("specVersions")::add);
    ArrayNode algorithms = match.putArray("algorithms");
    p.match().algorithms().forEach(a -> algorithms.add(a.name()));
    p.match().regionPrefixes().forEach(match.putArray("regionPrefixes")::add);
    if (!match.has("specVersions")) {
      match.putArray("specVersions");
    }
    if (!match.has("regionPrefixes")) {
      match.putArray("regionPrefixes");
    }
    n.put("algorithm", p.algorithm().name());
    ArrayNode commands = n.putArray("commands");
    for (ProfileCommands.Command c : ProfileCommands.of(p)) {
      ObjectNode command = commands.addObject().put("name", c.name()).put("apdu", c.apdu());
      if (c.privileged()) {
        command
            .put("strategy", c.strategy())
            .put("keyIndex", c.keyIndex())
            .put("afterExternalAuthentication", c.afterExternalAuthentication());
      }
    }
    n.put("resetRestoresTries", p.resetRestoresTries());
    n.put("holderFileAccess", p.holderFileAccess().name());
    p.assumptions().forEach(n.putArray("assumptions")::add);
    if (!n.has("assumptions")) {
      n.putArray("assumptions");
    }
    return n;
  }
}
