package dev.pindesk.ui.audit;

import dev.pindesk.domain.audit.ChainStatus;
import dev.pindesk.domain.codec.Csv;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.TableReport;
import dev.pindesk.service.audit.AuditCases.Case;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the audit window exports: the cases shown as CSV, or as the PDF report's content. */
final class AuditExports {
  private AuditExports() {}

  /** The PDF report of {@code rows} (of {@code total}) in the language of {@code m}. */
  static TableReport.Content report(
      Messages m,
      List<Case> rows,
      int total,
      ChainStatus s,
      String journal,
      String filters,
      ZoneId zone) {
    DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    List<String> subtitle =
        List.of(
            m.get("audit.pdf.journal", journal, s.workstation()),
            s.valid()
                ? m.get("audit.status.valid", s.entries(), s.checkpoints())
                : m.get(
                    "audit.status.invalid",
                    s.problemSeq(),
                    m.get("journal.problem." + s.problem().orElseThrow())),
            m.get("audit.pdf.filters", filters, rows.size(), total),
            m.get("audit.pdf.generated", minute.format(java.time.ZonedDateTime.now(zone))));
    List<List<String>> table = new java.util.ArrayList<>(rows.size());
    for (Case c : rows) {
      table.add(
          List.of(
              c.id(),
              minute.format(c.opened().atZone(zone)),
              c.clerk(),
              m.get("service." + c.service()),
              m.get("audit.holder." + c.holder()),
              (c.holderNameMasked() + " " + c.holderIdMasked()).strip(),
              m.get("audit.outcome." + c.outcome().wireName()),
              reasonText(m, c.reason()),
              m.get(c.verified() ? "audit.verified.yes" : "audit.verified.no")));
    }
    return new TableReport.Content(
        m.get("audit.pdf.title"),
        subtitle,
        List.of(
            m.get("audit.col.case"),
            m.get("audit.col.opened"),
            m.get("audit.col.clerk"),
            m.get("audit.col.service"),
            m.get("audit.col.holder"),
            m.get("audit.col.holder_masked"),
            m.get("audit.col.outcome"),
            m.get("audit.col.reason"),
            m.get("audit.col.verified")),
        List.of(23f, 13f, 9f, 9f, 9f, 17f, 9f, 19f, 6f),
        table,
        s.training(),
        m.get("audit.pdf.page"));
  }

  /** A reason or error code in words where PinDesk has them, with the code for the record. */
  static String reasonText(Messages m, String code) {
    if (code.isEmpty()) {
      return "";
    }
    String key = "audit.reason." + code;
    String words = m.get(key);
    return words.equals(key) ? code : words + " (" + code + ")";
  }

  /** {@code rows} as CSV in UTF-8 with a BOM (Excel); masked identities only. */
  static void csv(Path file, List<Case> rows, ZoneId zone) throws IOException {
    DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write('\uFEFF');
      w.write(
          "case,opened,last,clerk,service,holder,outcome,reason,holderIdMasked,holderNameMasked,"
              + "steps,verified\r\n");
      for (Case c : rows) {
        List<String> cells =
            List.of(
                c.id(),
                time.format(c.opened().atZone(zone)),
                time.format(c.last().atZone(zone)),
                c.clerk(),
                c.service(),
                c.holder(),
                c.outcome().wireName(),
                c.reason(),
                c.holderIdMasked(),
                c.holderNameMasked(),
                String.valueOf(c.steps().size()),
                String.valueOf(c.verified()));
        w.write(Csv.row(cells));
      }
    }
  }
}
