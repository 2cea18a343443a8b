package dev.pindesk.cli.sam;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.cli.common.CliServices.SamInfo;
import dev.pindesk.cli.common.CliServices.SamProbe;
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
public final class SamInfoCommand implements Callable<Integer> {
  private static final JsonMapper JSON = new JsonMapper();

  /** The vendor profile used when none is named: the generic PBOC PSAM's. */
  static final String DEFAULT_PROFILE = "pboc-psam-generic";

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
              + DEFAULT_PROFILE
              + ").")
  String profile;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  private final Supplier<CardTerminals> terminals;
  private final Messages messages;
  private final CliServices services;

  public SamInfoCommand(
      Supplier<CardTerminals> terminals, Messages messages, CliServices services) {
    this.terminals = terminals;
    this.messages = messages;
    this.services = services;
  }

  @Override
  public Integer call() throws CardException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> readerName =
        Optional.ofNullable(reader).or(() -> services.setting("sam.reader"));
    if (readerName.isEmpty()) {
      err.println(messages.get("sam.info.no_reader"));
      err.flush();
      return 2;
    }
    SamProbe vendor;
    try {
      vendor =
          services.samProfile(
              Optional.ofNullable(profile)
                  .or(() -> services.setting("sam.profile"))
                  .orElse(DEFAULT_PROFILE));
    } catch (IOException | IllegalArgumentException e) {
      err.println(messages.get("sam.info.bad_profile", e.getMessage()));
      err.flush();
      return 2;
    }
    SamInfo info = vendor.probe(terminals.get(), readerName.get());
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
