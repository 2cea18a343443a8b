package dev.pindesk.cli.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.cli.common.ExportedEvent;
import dev.pindesk.cli.common.JournalReport;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Csv;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code journal export PATH --key supervisor.p12 [--passphrase-file F] --format csv|json [--out F]
 * [--reveal-identity]}: the supervisor's decrypted events with the verification status. Full ID
 * numbers and names only with {@code --reveal-identity}; masked forms otherwise.
 */
@Command(name = "export", description = "Decrypt a journal with the supervisor key (CSV or JSON).")
public final class JournalExportCommand implements Callable<Integer> {
  static final List<String> COLUMNS =
      List.of(
          "seq",
          "time",
          "workstation",
          "clerk",
          "case",
          "service",
          "holder",
          "step",
          "outcome",
          "error",
          "policy_not_applied",
          "holderIdMasked",
          "holderNameMasked",
          "agentIdMasked",
          "agentNameMasked");
  static final List<String> IDENTITY = List.of("holderId", "holderName", "agentId", "agentName");

  /** Exit code: the journal verifies, but the given key could not decrypt some of its events. */
  static final int UNDECRYPTED = 6;

  private final Messages messages;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "Journal file.")
  Path path;

  @Option(names = "--key", required = true, paramLabel = "P12", description = "supervisor.p12")
  Path key;

  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Passphrase, first line.")
  Path passphraseFile;

  @Option(names = "--format", required = true, description = "csv or json.")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
  Path outFile;

  @Option(names = "--reveal-identity", description = "Include full ID numbers and names.")
  boolean reveal;

  private final CliServices services;

  public JournalExportCommand(Messages messages, CliServices services) {
    this.messages = messages;
    this.services = services;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("csv") && !format.equals("json")) {
      err.println(messages.get("cli.journal.error", messages.get("cli.journal.badFormat")));
      return 2;
    }
    ECPrivateKeyParameters supervisor;
    char[] passphrase = null;
    try {
      Path trainingFile = services.keys().trainingPassphrase(key);
      if (passphraseFile != null) {
        passphrase = Passphrases.fromFile(passphraseFile);
      } else if (Files.exists(trainingFile)
          && services.keys().isTraining(key.toAbsolutePath().getParent())) {
        passphrase = Passphrases.fromFile(trainingFile);
      } else {
        passphrase = Passphrases.prompt(messages.get("cli.keys.passphrase"), false);
      }
      supervisor = services.keys().supervisor(key, passphrase);
    } catch (IOException e) {
      err.println(messages.get("cli.journal.error", Passphrases.describe(e, messages)));
      return 2;
    } finally {
      Secrets.wipe(passphrase);
    }
    // Streamed: a year of a busy counter is millions of events, never all in memory at once.
    long[] counts = new long[2]; // events, events this key could not decrypt
    JournalReport report;
    try (Writer w =
        outFile == null
            ? spec.commandLine().getOut()
            : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
      if (outFile != null && format.equals("csv")) {
        // Excel (on Chinese Windows, GBK) reads a CSV file as UTF-8 only when it starts with a BOM.
        w.write('\uFEFF');
      }
      EventsOut events = format.equals("json") ? new JsonEvents(w) : new CsvEvents(w);
      try {
        report =
            services.exportJournal(
                path,
                supervisor,
                e -> {
                  counts[0]++;
                  if (e.error() != null && e.members().isEmpty()) {
                    counts[1]++;
                  }
                  events.write(e);
                });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      events.finish(report);
      w.flush();
    }
    if (!report.valid()) {
      err.println(JournalVerifyCommand.describe(report.firstBad().orElseThrow(), path, messages));
    }
    if (counts[1] > 0) {
      // Usually the key of another supervisor or workstation: the rows are there, but empty.
      err.println(
          messages.get(
              "cli.journal.export_undecrypted",
              String.valueOf(counts[1]),
              String.valueOf(counts[0])));
    }
    if (report.valid() && counts[1] == 0) {
      err.println(messages.get("cli.journal.export_valid", String.valueOf(counts[0])));
    }
    err.flush();
    return !report.valid() ? 1 : counts[1] > 0 ? UNDECRYPTED : 0;
  }

  /** Where the events go, one at a time. */
  private interface EventsOut {
    /** Writes one event; an I/O failure comes out unchecked (the exporter's sink is a Consumer). */
    void write(ExportedEvent e);

    void finish(JournalReport report) throws IOException;
  }

  /** {@code {"events":[...],"verification":{...}}}: the verification is known only at the end. */
  private final class JsonEvents implements EventsOut {
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonGenerator json;

    JsonEvents(Writer w) throws IOException {
      json = mapper.getFactory().createGenerator(w);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeArrayFieldStart("events");
    }

    @Override
    public void write(ExportedEvent e) {
      try {
        json.writeStartObject();
        for (String c : columns()) {
          Object v = value(e, c);
          if (v instanceof Number num) {
            json.writeNumberField(c, num.longValue());
          } else if (v instanceof Boolean b) {
            json.writeBooleanField(c, b);
          } else if (v != null && !v.toString().isEmpty()) {
            json.writeStringField(c, v.toString());
          }
        }
        json.writeEndObject();
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
    }

    @Override
    public void finish(JournalReport report) throws IOException {
      json.writeEndArray();
      json.writeFieldName("verification");
      json.writeTree(mapper.readTree(JournalVerifyCommand.toJson(report)));
      json.writeEndObject();
      json.flush();
      json.close();
      w().write('\n');
    }

    private Writer w() {
      return (Writer) json.getOutputTarget();
    }
  }

  /** RFC 4180 with CRLF, a header row first. */
  private final class CsvEvents implements EventsOut {
    private final Writer w;
    private final List<String> columns = columns();

    CsvEvents(Writer w) throws IOException {
      this.w = w;
      w.write(Csv.row(columns));
    }

    @Override
    public void write(ExportedEvent e) {
      List<String> cells = new ArrayList<>(columns.size());
      for (String c : columns) {
        Object v = value(e, c);
        cells.add(v == null ? "" : v.toString());
      }
      try {
        w.write(Csv.row(cells));
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
    }

    @Override
    public void finish(JournalReport report) {}
  }

  private List<String> columns() {
    List<String> c = new ArrayList<>(COLUMNS);
    if (reveal) {
      c.addAll(IDENTITY);
    }
    c.add("verified");
    c.add("decryptError");
    return c;
  }

  private static Object value(ExportedEvent e, String column) {
    if (column.equals("seq")) {
      return e.seq();
    }
    if (column.equals("verified")) {
      return e.verified();
    }
    if (column.equals("decryptError")) {
      return e.error();
    }
    return e.members().get(column);
  }
}
