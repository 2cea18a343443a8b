package dev.pindesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.journal.ExportedEntry;
import dev.pindesk.adapters.journal.JournalExporter;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.VerifyReport;
import dev.pindesk.domain.Secrets;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
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
final class JournalExportCommand implements Callable<Integer> {
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
          "holderIdMasked",
          "holderNameMasked",
          "agentIdMasked",
          "agentNameMasked");
  static final List<String> IDENTITY = List.of("holderId", "holderName", "agentId", "agentName");

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

  JournalExportCommand(Messages messages) {
    this.messages = messages;
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
      Path trainingFile = key.resolveSibling(KeyFiles.TRAINING_PASSPHRASE_FILE);
      if (passphraseFile != null) {
        passphrase = Passphrases.fromFile(passphraseFile);
      } else if (Files.exists(trainingFile)
          && KeyFiles.isTraining(key.toAbsolutePath().getParent())) {
        passphrase = Passphrases.fromFile(trainingFile);
      } else {
        passphrase = Passphrases.prompt(messages.get("cli.keys.passphrase"), false);
      }
      supervisor = KeyFiles.supervisor(key, passphrase);
    } catch (IOException e) {
      err.println(messages.get("cli.journal.error", Passphrases.describe(e, messages)));
      return 2;
    } finally {
      Secrets.wipe(passphrase);
    }
    List<ExportedEntry> entries = new ArrayList<>();
    VerifyReport report = JournalExporter.export(path, supervisor, entries::add);
    try (Writer w =
        outFile == null
            ? spec.commandLine().getOut()
            : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
      if (format.equals("json")) {
        writeJson(w, report, entries);
      } else {
        writeCsv(w, entries);
      }
      w.flush();
    }
    err.println(
        report.valid()
            ? messages.get("cli.journal.export_valid", String.valueOf(entries.size()))
            : JournalVerifyCommand.describe(report.firstBad().orElseThrow(), path, messages));
    err.flush();
    return report.valid() ? 0 : 1;
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

  private void writeJson(Writer w, VerifyReport report, List<ExportedEntry> entries)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.set("verification", mapper.readTree(JournalVerifyCommand.toJson(report)));
    ArrayNode events = root.putArray("events");
    for (ExportedEntry e : entries) {
      ObjectNode n = events.addObject();
      for (String c : columns()) {
        Object v = value(e, c);
        if (v instanceof Number num) {
          n.put(c, num.longValue());
        } else if (v instanceof Boolean b) {
          n.put(c, b);
        } else if (v != null && !v.toString().isEmpty()) {
          n.put(c, v.toString());
        }
      }
    }
    w.write(mapper.writeValueAsString(root));
    w.write('\n');
  }

  private void writeCsv(Writer w, List<ExportedEntry> entries) throws IOException {
    List<String> columns = columns();
    w.write(String.join(",", columns));
    w.write("\r\n");
    for (ExportedEntry e : entries) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        Object v = value(e, c);
        cells.add(csv(v == null ? "" : v.toString()));
      }
      w.write(String.join(",", cells));
      w.write("\r\n");
    }
  }

  private static Object value(ExportedEntry e, String column) {
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

  /**
   * RFC 4180 quoting; cells starting with = + - @ are prefixed with ' against formula injection.
   */
  static String csv(String s) {
    String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
