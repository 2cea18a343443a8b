package dev.pindesk.app;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.sam.PsamInfo;
import dev.pindesk.adapters.sam.PsamProfile;
import dev.pindesk.adapters.sam.PsamProfiles;
import dev.pindesk.adapters.sam.PsamSecurityModule;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CardTerminals;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sam info [--reader R] [--profile P] [--json]}: selects the PSAM application and reports
 * the vendor profile, the reader and the application's answer — no key, no MAC. A missing, locked
 * or wrong PSAM ends with the card error's one-line reason and exit code 5; settings that name no
 * reader or an invalid profile end with exit code 2.
 */
@Command(name = "info", description = "Select the PSAM and show its profile, reader and answer.")
final class SamInfoCommand implements Callable<Integer> {
  private static final JsonMapper JSON = new JsonMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--reader",
      paramLabel = "NAME",
      description = "PSAM reader, exact or a unique part (default: pindesk.sam.reader).")
  String reader;

  @Option(
      names = "--profile",
      paramLabel = "ID|FILE",
      description =
          "Vendor profile id or JSON file (default: pindesk.sam.profile, else "
              + PsamProfiles.DEFAULT_ID
              + ").")
  String profile;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  private final Supplier<CardTerminals> terminals;
  private final Messages messages;

  SamInfoCommand(Supplier<CardTerminals> terminals, Messages messages) {
    this.terminals = terminals;
    this.messages = messages;
  }

  @Override
  public Integer call() throws CardException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> readerName = Optional.ofNullable(reader).or(() -> Settings.get("sam.reader"));
    if (readerName.isEmpty()) {
      err.println(messages.get("sam.info.no_reader"));
      err.flush();
      return 2;
    }
    PsamProfile vendor;
    try {
      vendor =
          PsamProfiles.resolve(
              Optional.ofNullable(profile)
                  .or(() -> Settings.get("sam.profile"))
                  .orElse(PsamProfiles.DEFAULT_ID));
    } catch (IOException | IllegalArgumentException e) {
      err.println(messages.get("sam.info.bad_profile", e.getMessage()));
      err.flush();
      return 2;
    }
    PsamInfo info = new PsamSecurityModule(terminals.get(), readerName.get(), vendor).probe();
    if (json) {
      ObjectNode node = JSON.createObjectNode();
      node.put("profile", info.profileId());
      node.put("description", info.profileDescription());
      node.put("reader", info.reader());
      node.put("atr", info.atr());
      node.put("selectAnswer", info.selectAnswer());
      info.assumptions().forEach(node.putArray("assumptions")::add);
      out.println(node.toString());
    } else {
      out.println(messages.get("sam.info.profile", info.profileId(), info.profileDescription()));
      out.println(messages.get("sam.info.reader", info.reader()));
      out.println(messages.get("sam.info.atr", info.atr()));
      out.println(messages.get("sam.info.select", info.selectAnswer()));
      if (!info.assumptions().isEmpty()) {
        out.println(messages.get("sam.info.assumptions"));
        info.assumptions().forEach(a -> out.println("  - " + a));
      }
    }
    out.flush();
    return 0;
  }
}
