package dev.pindesk.adapters.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.ports.TableReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfTableReportTest {
  @TempDir Path dir;

  private static TableReport.Content content(int rows, boolean training) {
    List<List<String>> table = new ArrayList<>();
    for (int i = 1; i <= rows; i++) {
      table.add(
          List.of(
              String.format("C%08d", i),
              "李** 110101********0243",
              "持卡人放弃办理 (citizen_withdrew) and a reason far too long for its narrow column"));
    }
    return new TableReport.Content(
        "PinDesk 案件审计报告",
        List.of("日志 /srv/journal.db（工作站 SC-01）", "筛选：全部案件"),
        List.of("案件编号", "持卡人", "原因"),
        List.of(20f, 20f, 20f),
        table,
        training,
        "第 {0} / {1} 页");
  }

  /** The bundled font only: no test depends on the fonts of the machine it runs on. */
  private static PdfTableReport report() {
    return new PdfTableReport(CjkFont.lookup(Optional.empty(), List.of()));
  }

  @Test
  void laysRowsOutOnNumberedPagesWithChineseAndCutsWhatDoesNotFit() throws Exception {
    Path pdf = dir.resolve("report.pdf");
    report().write(pdf, content(120, false));

    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(2);
      String text = new PDFTextStripper().getText(doc);
      int pages = doc.getNumberOfPages();
      assertThat(text)
          .contains("PinDesk 案件审计报告")
          .contains("C00000001")
          .contains("C00000120")
          .contains("李** 110101********0243")
          .contains("第 1 / " + pages + " 页")
          .contains("第 " + pages + " / " + pages + " 页")
          .contains("…")
          .doesNotContain("for its narrow column")
          .doesNotContain("TRAINING");
      // the headings are on every page
      assertThat(text.split("案件编号", -1)).hasSize(pages + 1);
    }
    assertThat(Files.list(dir)).containsExactly(pdf);
  }

  @Test
  void aTrainingReportCarriesTheWatermarkAndAMissingFontIsSaid() throws Exception {
    Path pdf = dir.resolve("training.pdf");
    report().write(pdf, content(3, true));
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      // the rotated watermark comes out of the text stripper in pieces
      assertThat(new PDFTextStripper().getText(doc)).contains("TRAINING").contains("训");
    }

    PdfTableReport noFont =
        new PdfTableReport(CjkFont.lookup(Optional.of(dir.resolve("none.ttf")), List.of()));
    assertThatThrownBy(() -> noFont.write(dir.resolve("x.pdf"), content(1, false)))
        .isInstanceOfSatisfying(
            TableReport.Failed.class, f -> assertThat(f.messageKey()).isEqualTo("report.no_font"));
    assertThat(dir.resolve("x.pdf")).doesNotExist();
  }
}
