package dev.pindesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.NationalCardData;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.service.CardReadService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code card read [--reader NAME] [--json] [--trace]}, or through a reader's national-interface
 * library: {@code card read --device sscard [--sscard-library FILE] [--sscard-codes FILE]
 * [--json]}.
 */
@Command(name = "read", description = "Read the social security card in a reader.")
public final class CardReadCommand implements Callable<Integer> {
  private final CliContext context;
  private final CliServices services;

  /** How the card is reached ({@code pindesk.device}). */
  enum Device {
    pcsc,
    sscard
  }

  @Option(
      names = "--device",
      paramLabel = "pcsc|sscard",
      description =
          "pcsc: PC/SC readers; sscard: the reader vendor's national-interface library"
              + " (default: pindesk.device, else pcsc).")
  Device device;

  @Option(
      names = "--sscard-library",
      paramLabel = "FILE",
      description = "The vendor's national-interface library (default: pindesk.sscard.library).")
  Path sscardLibrary;

  @Option(
      names = "--sscard-codes",
      paramLabel = "FILE",
      description = "The vendor's return-code table (default: pindesk.sscard.codes).")
  Path sscardCodes;

  @Option(
      names = "--reader",
      paramLabel = "NAME",
      description = "Reader to use (default: the first with a card).")
  String reader;

  @Option(names = "--json", description = "Print the card as JSON.")
  boolean json;

  @Option(names = "--trace", description = "Print the APDUs exchanged to stderr (PIN data masked).")
  boolean trace;

  CardReadCommand(CliContext context, CliServices services) {
    this.context = context;
    this.services = services;
  }

  @Override
  public Integer call() throws CardException {
    Device chosen =
        Optional.ofNullable(device)
            .or(
                () ->
                    services
                        .setting("device")
                        .map(d -> Device.valueOf(d.strip().toLowerCase(Locale.ROOT))))
            .orElse(Device.pcsc);
    if (chosen == Device.sscard) {
      return readThroughLibrary();
    }
    CardReadService service =
        new CardReadService(context.terminals().get(), context.profiles().get());
    ApduTracer tracer = trace ? this::trace : ApduTracer.NONE;
    CardSnapshot card = service.read(Optional.ofNullable(reader), tracer);
    if (trace) {
      context.err().println(context.messages().get("cli.apdu_count", card.apduCount()));
      context.err().flush();
    }
    print(toJson(card));
    return 0;
  }

  /** {@code iReadCardBas} in the device host: the fields the interface gives, nothing else. */
  private int readThroughLibrary() throws CardException {
    Path library =
        Optional.ofNullable(sscardLibrary)
            .or(() -> services.setting("sscard.library").filter(l -> !l.isBlank()).map(Path::of))
            .orElseThrow(
                () ->
                    new CardException(
                        CardErrorCode.DEVICE_UNAVAILABLE,
                        "no --sscard-library and no pindesk.sscard.library"));
    Optional<Path> codes =
        Optional.ofNullable(sscardCodes)
            .or(() -> services.setting("sscard.codes").filter(c -> !c.isBlank()).map(Path::of));
    NationalCardData card;
    Optional<Path> java = services.setting("sscard.java").filter(j -> !j.isBlank()).map(Path::of);
    try (NationalReader reader = services.nationalReader(library, codes, java)) {
      card = reader.readCard();
    }
    print(toJson(card));
    return 0;
  }

  private void print(ObjectNode node) {
    if (json) {
      context.out().println(Json.write(node));
    } else {
      node.fields()
          .forEachRemaining(e -> context.out().println(e.getKey() + ": " + e.getValue().asText()));
    }
    context.out().flush();
  }

  /**
   * The same fields as {@link #toJson(CardSnapshot)} for what the national interface gives (card
   * identification code, version, dates, card number, SSN, name); the rest is absent, as are an SSN
   * or name a library leaves empty.
   */
  public static ObjectNode toJson(NationalCardData card) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("cardIdCode", card.cardIdCode());
    n.put("specVersion", card.specVersion());
    n.put("issueDate", iso(card.issueDate()));
    n.put("expiryDate", iso(card.expiryDate()));
    n.put("cardNumber", card.cardNumber());
    if (!card.ssn().isEmpty()) {
      n.put("ssn", card.ssn());
    }
    if (!card.name().isEmpty()) {
      n.put("name", card.name());
    }
    return n;
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
