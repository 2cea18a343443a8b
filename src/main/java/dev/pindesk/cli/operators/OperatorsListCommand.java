package dev.pindesk.cli.operators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.i18n.Messages;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code operators list --db PATH [--json]}: every account, active or not. JSON field names ({@code
 * id, displayName, role, active, createdAt}) are stable API; role is {@code clerk} or {@code
 * supervisor}.
 */
@Command(name = "list", description = "List operator accounts.")
public final class OperatorsListCommand extends OperatorSubcommand {

  @Option(
      names = "--json",
      description = "Print JSON: [{\"id\", \"displayName\", \"role\", \"active\", \"createdAt\"}].")
  boolean json;

  public OperatorsListCommand(Messages messages, CliServices services) {
    super(messages, services);
  }

  @Override
  int run() {
    if (databaseMissing()) {
      return reportMissingDatabase();
    }
    List<Operator> operators;
    try (CliServices.OperatorAccounts directory = open()) {
      operators = directory.list();
    }
    if (json) {
      out().println(toJson(operators));
    } else if (operators.isEmpty()) {
      out().println(messages.get("operators.none"));
    } else {
      for (Operator o : operators) {
        out()
            .println(
                String.join(
                    "\t",
                    o.id(),
                    o.displayName(),
                    messages.get("operators.role." + roleName(o)),
                    messages.get(
                        o.active() ? "operators.state.active" : "operators.state.inactive"),
                    o.createdAt().toString()));
      }
    }
    out().flush();
    return 0;
  }

  private static String toJson(List<Operator> operators) {
    JsonMapper mapper = JsonMapper.builder().build();
    ArrayNode array = mapper.createArrayNode();
    for (Operator o : operators) {
      ObjectNode node = array.addObject();
      node.put("id", o.id());
      node.put("displayName", o.displayName());
      node.put("role", roleName(o));
      node.put("active", o.active());
      node.put("createdAt", o.createdAt().toString());
    }
    try {
      return mapper.writeValueAsString(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON tree cannot fail to serialise", e);
    }
  }

  private static String roleName(Operator o) {
    return o.role().name().toLowerCase(Locale.ROOT);
  }
}
