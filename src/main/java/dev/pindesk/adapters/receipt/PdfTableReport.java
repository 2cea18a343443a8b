package dev.pindesk.adapters.receipt;

import dev.pindesk.ports.ReceiptPrinter.ReceiptException;
import dev.pindesk.ports.TableReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A {@link TableReport} as an A4 landscape PDF made with PDFBox, with the Chinese font the receipt
 * uses: title and subtitle lines on the first page, the column headings repeated on every page,
 * cells cut with an ellipsis to their column, "page n / m" at the foot, and the training watermark
 * on every page of a training report.
 */
public final class PdfTableReport implements TableReport {
  private static final float MM = 72f / 25.4f;
  private static final float MARGIN = 12 * MM;
  private static final float SIZE = 8.5f;
  private static final float ROW = 13f;

  private final CjkFont font;

  public PdfTableReport(CjkFont font) {
    this.font = font;
  }

  @Override
  public void write(Path file, Content content) throws Failed {
    try (PDDocument doc = new PDDocument();
        FontSource source = font.embedInto(doc)) {
      PDFont cjk = source.font();
      doc.getDocumentInformation().setTitle(content.title());
      layOut(doc, cjk, content);
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, "report", ".part");
      try {
        doc.save(partial.toFile());
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (ReceiptException e) {
      throw new Failed("report.no_font", e);
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: a character the font has no glyph for
      throw new Failed("report.not_written", e);
    }
  }

  private static void layOut(PDDocument doc, PDFont font, Content c) throws IOException {
    PDRectangle box = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    float usable = box.getWidth() - 2 * MARGIN;
    float total = 0;
    for (float w : c.widths()) {
      total += w;
    }
    float[] widths = new float[c.widths().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = c.widths().get(i) / total * usable;
    }
    float top = box.getHeight() - MARGIN;
    float bottom = MARGIN + 14;
    int firstPageRows = (int) ((top - 26 - c.subtitle().size() * 12 - 8 - ROW - bottom) / ROW);
    int otherPageRows = (int) ((top - ROW - bottom) / ROW);
    int pages =
        c.rows().size() <= firstPageRows
            ? 1
            : 1 + (c.rows().size() - firstPageRows + otherPageRows - 1) / otherPageRows;
    int row = 0;
    for (int page = 1; page <= pages; page++) {
      PDPage p = new PDPage(box);
      doc.addPage(p);
      try (PDPageContentStream out = new PDPageContentStream(doc, p)) {
        if (c.training()) {
          watermark(out, font, box);
        }
        float y = top;
        if (page == 1) {
          text(out, font, 14, c.title(), MARGIN, y - 14);
          y -= 26;
          for (String line : c.subtitle()) {
            text(out, font, 9, line, MARGIN, y);
            y -= 12;
          }
          y -= 8;
        }
        y = cells(out, font, c.headings(), widths, y, true);
        int last = Math.min(c.rows().size(), row + (page == 1 ? firstPageRows : otherPageRows));
        for (; row < last; row++) {
          y = cells(out, font, c.rows().get(row), widths, y, false);
        }
        String foot =
            c.pageLabel()
                .replace("{0}", String.valueOf(page))
                .replace("{1}", String.valueOf(pages));
        float w = font.getStringWidth(foot) / 1000 * 8;
        text(out, font, 8, foot, box.getWidth() - MARGIN - w, MARGIN);
      }
    }
  }

  private static float cells(
      PDPageContentStream out,
      PDFont font,
      List<String> cells,
      float[] widths,
      float y,
      boolean head)
      throws IOException {
    float x = MARGIN;
    for (int i = 0; i < widths.length; i++) {
      String s = i < cells.size() ? cells.get(i) : "";
      text(out, font, SIZE, fit(font, s, widths[i] - 4), x, y - SIZE);
      x += widths[i];
    }
    float line = y - ROW + 3;
    out.setLineWidth(head ? 0.8f : 0.2f);
    out.moveTo(MARGIN, line);
    out.lineTo(x, line);
    out.stroke();
    return y - ROW;
  }

  /** {@code s} cut with "…" to fit {@code width} points. */
  static String fit(PDFont font, String s, float width) throws IOException {
    if (font.getStringWidth(s) / 1000 * SIZE <= width) {
      return s;
    }
    String cut = s;
    while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * SIZE > width) {
      cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
    }
    return cut + "…";
  }

  private static void watermark(PDPageContentStream out, PDFont font, PDRectangle box)
      throws IOException {
    PdfDrawing.watermark(out, font, box, 0.12f, 72);
  }

  private static void text(
      PDPageContentStream out, PDFont font, float size, String s, float x, float y)
      throws IOException {
    PdfDrawing.text(out, font, size, s, x, y);
  }
}
