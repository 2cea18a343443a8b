package dev.pindesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.ReaderState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code readers [--json]}: reader names and whether a card is present. */
@Command(name = "readers", description = "List card readers and whether a card is present.")
final class ReadersCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--json", description = "Print JSON: [{\"name\", \"cardPresent\"}, ...].")
  boolean json;

  ReadersCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws CardException {
    List<ReaderState> readers = context.terminals().get().readers();
    if (json) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      for (ReaderState r : readers) {
        ObjectNode node = array.addObject();
        node.put("name", r.name());
        node.put("cardPresent", r.cardPresent());
      }
      context.out().println(Json.write(array));
    } else if (readers.isEmpty()) {
      context.out().println(context.messages().get("ui.reader.none"));
    } else {
      for (ReaderState r : readers) {
        String state =
            context
                .messages()
                .get(r.cardPresent() ? "ui.reader.card_present" : "ui.reader.card_absent");
        context.out().println(r.name() + "\t" + state);
      }
    }
    context.out().flush();
    return 0;
  }
}
