package dev.pindesk.cli.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.cli.common.CentralServices;
import dev.pindesk.cli.common.CentralServices.WorkstationStats;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code central stats (--db PATH | --jdbc URL) [--json]}: per journal (and per enrolled
 * workstation without one) the entries held, the head, whether the chain re-verifies and the last
 * receipt. JSON members are stable API: {@code {"workstations":[{"id","entries","headSeq",
 * "chainOk","lastReceiptAt","journal","keyId","refusals","revokedAt"}]}}.
 */
@Command(name = "stats", description = "What the central holds per workstation journal.")
public final class CentralStatsCommand extends CentralSubcommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--json", description = "One JSON document.")
  boolean json;

  public CentralStatsCommand(Messages messages, CliServices services) {
    super(messages, services);
  }

  @Override
  int run(PrintWriter out) throws CentralCli.Unusable, CentralServices.DatabaseFailure {
    List<WorkstationStats> stats;
    try (CentralServices.Database db = openDatabase(true)) {
      stats = db.stats();
    }
    if (json) {
      out.println(toJson(stats));
    } else if (stats.isEmpty()) {
      out.println(messages.get("cli.central.statsNone"));
    } else {
      stats.forEach(s -> out.println(describe(s, messages)));
    }
    return 0;
  }

  /**
   * One line per workstation journal in the user's language: no column alignment, which Chinese
   * text (two columns a character) would break. The key id is the one {@code central revoke
   * --key-id} takes.
   */
  static String describe(WorkstationStats s, Messages messages) {
    return messages.get(
        "cli.central.statsLine",
        s.id(),
        s.keyId(),
        s.journalId().isEmpty() ? messages.get("cli.central.statsNoJournal") : s.journalId(),
        String.valueOf(s.entries()),
        String.valueOf(s.headSeq()),
        messages.get(s.chainOk() ? "cli.central.statsChainOk" : "cli.central.statsChainBroken"),
        s.lastReceiptAt().map(Object::toString).orElse(messages.get("cli.central.statsNoReceipt")),
        String.valueOf(s.refusals()),
        s.revokedAt()
            .map(at -> messages.get("cli.central.statsRevoked", at.toString()))
            .orElse(""));
  }

  static String toJson(List<WorkstationStats> stats) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("workstations");
    for (WorkstationStats s : stats) {
      ObjectNode o = list.addObject();
      o.put("id", s.id());
      o.put("entries", s.entries());
      o.put("headSeq", s.headSeq());
      o.put("chainOk", s.chainOk());
      if (s.lastReceiptAt().isPresent()) {
        o.put("lastReceiptAt", s.lastReceiptAt().get().toString());
      } else {
        o.putNull("lastReceiptAt");
      }
      if (!s.journalId().isEmpty()) {
        o.put("journal", s.journalId());
      } else {
        o.putNull("journal");
      }
      o.put("keyId", s.keyId());
      o.put("refusals", s.refusals());
      if (s.revokedAt().isPresent()) {
        o.put("revokedAt", s.revokedAt().get().toString());
      } else {
        o.putNull("revokedAt");
      }
    }
    return root.toString();
  }
}
