package dev.pindesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.service.CardReadService;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code card read [--reader NAME] [--json] [--trace]}. */
@Command(name = "read", description = "Read the social security card in a reader.")
public final class CardReadCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--reader",
      paramLabel = "NAME",
      description = "Reader to use (default: the first with a card).")
  String reader;

  @Option(names = "--json", description = "Print the card as JSON.")
  boolean json;

  @Option(names = "--trace", description = "Print the APDUs exchanged to stderr (PIN data masked).")
  boolean trace;

  CardReadCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws CardException {
    CardReadService service =
        new CardReadService(context.terminals().get(), context.profiles().get());
    ApduTracer tracer = trace ? this::trace : ApduTracer.NONE;
    CardSnapshot card = service.read(Optional.ofNullable(reader), tracer);
    if (trace) {
      context.err().println(context.messages().get("cli.apdu_count", card.apduCount()));
      context.err().flush();
    }
    ObjectNode node = toJson(card);
    if (json) {
      context.out().println(Json.write(node));
    } else {
      node.fields()
          .forEachRemaining(e -> context.out().println(e.getKey() + ": " + e.getValue().asText()));
    }
    context.out().flush();
    return 0;
  }

  private void trace(
      dev.pindesk.card.CommandApdu command, dev.pindesk.card.ResponseApdu response, long nanos) {
    context.err().printf(Locale.ROOT, "> %s%n< %s  (%.1f ms)%n", command, response, nanos / 1e6);
    context.err().flush();
  }

  /**
   * The stable JSON of the CLI contract. Optional elements the card does not carry (card type,
   * issuer organisation, ethnicity, birthplace) are left out.
   */
  public static ObjectNode toJson(CardSnapshot card) {
    CardInfo i = card.info();
    CardHolder h = card.holder();
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("cardIdCode", i.cardIdCode());
    i.cardType().ifPresent(v -> n.put("cardType", v));
    n.put("specVersion", i.specVersion());
    i.issuerOrg().ifPresent(v -> n.put("issuerOrg", v));
    n.put("issueDate", iso(i.issueDate()));
    n.put("expiryDate", iso(i.expiryDate()));
    n.put("cardNumber", i.cardNumber());
    n.put("ssn", h.ssn());
    n.put("name", h.name());
    n.put("sex", h.sex());
    h.ethnicity().ifPresent(v -> n.put("ethnicity", v));
    h.birthplace().ifPresent(v -> n.put("birthplace", v));
    n.put("birthDate", iso(h.birthDate()));
    card.pinState().knownTriesLeft().ifPresent(t -> n.put("pinTriesLeft", t));
    return n;
  }

  private static String iso(LocalDate date) {
    return date.toString();
  }
}
