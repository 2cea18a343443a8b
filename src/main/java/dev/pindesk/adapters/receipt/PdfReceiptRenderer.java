package dev.pindesk.adapters.receipt;

import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.reset.Receipt;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.ReceiptPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The receipt as an A5 PDF made with PDFBox: bilingual title, the receipt's fields, a signature
 * line for the citizen and, in training mode, a large diagonal "TRAINING 培训" watermark so a
 * training receipt can never pass for a real one. Files are named after the case ({@code
 * <caseId>.pdf}) in one directory; printing goes through {@link ReceiptPrintJob}.
 */
public final class PdfReceiptRenderer implements ReceiptPrinter {
  static final String TITLE_ZH = "社会保障卡密码服务回执";
  static final String TITLE_EN = "Social security card PIN service receipt";
  static final String WATERMARK = PdfDrawing.WATERMARK;
  private static final float MM = 72f / 25.4f;
  private static final float MARGIN = 14 * MM;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Path directory;
  private final CjkFont font;

  /**
   * @param directory where receipts are written (created when missing)
   * @param font which font shows Chinese (configured, system or bundled)
   */
  public PdfReceiptRenderer(Path directory, CjkFont font) {
    this.directory = directory;
    this.font = font;
  }

  @Override
  public Path render(Receipt receipt, Locale locale) {
    Path target = directory.resolve(safeFileName(receipt.caseId()) + ".pdf");
    try (PDDocument doc = new PDDocument();
        FontSource source = font.embedInto(doc)) {
      PDFont cjk = source.font();
      PDPage page = new PDPage(PDRectangle.A5);
      doc.addPage(page);
      doc.getDocumentInformation().setTitle(TITLE_EN + " " + receipt.caseId());
      try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
        if (receipt.training()) {
          watermark(out, cjk, page.getMediaBox());
        }
        body(out, cjk, page.getMediaBox(), receipt, Messages.of(locale));
      }
      Files.createDirectories(directory);
      // Written aside and moved, so a failed save never leaves half a receipt under the name.
      Path partial = Files.createTempFile(directory, "receipt", ".part");
      try {
        doc.save(partial.toFile());
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
      return target;
    } catch (IOException e) {
      throw new ReceiptException("receipt.not_saved", "receipt " + target + ": " + e, e);
    }
  }

  @Override
  public boolean print(Path pdf) {
    return new ReceiptPrintJob().print(pdf);
  }

  private static void body(
      PDPageContentStream out, PDFont font, PDRectangle box, Receipt r, Messages m)
      throws IOException {
    float left = MARGIN;
    float right = box.getWidth() - MARGIN;
    float y = box.getHeight() - MARGIN - 16;
    centred(out, font, 15, TITLE_ZH, box.getWidth() / 2, y);
    y -= 18;
    centred(out, font, 10, TITLE_EN, box.getWidth() / 2, y);
    y -= 12;
    rule(out, left, right, y);
    y -= 22;
    for (Map.Entry<String, String> field : fields(r, m)) {
      text(out, font, 10, field.getKey(), left, y);
      text(out, font, 10, field.getValue(), left + 34 * MM, y);
      y -= 18;
    }
    y -= 4;
    rule(out, left, right, y);
    y -= 20;
    text(out, font, 8.5f, m.get("receipt.pdf.note"), left, y);
    float signY = MARGIN + 30;
    text(out, font, 10, m.get("receipt.pdf.signature"), left, signY + 4);
    rule(out, left + 44 * MM, right, signY);
    text(out, font, 10, m.get("receipt.pdf.date"), left, signY - 26);
    rule(out, left + 44 * MM, right, signY - 30);
  }

  private static List<Map.Entry<String, String>> fields(Receipt r, Messages m) {
    return List.of(
        Map.entry(m.get("receipt.pdf.case"), r.caseId()),
        Map.entry(m.get("receipt.pdf.service"), m.get("service." + r.service().wireName())),
        Map.entry(
            m.get("receipt.pdf.holder"), m.get("service.holder." + r.holderKind().wireName())),
        Map.entry(m.get("receipt.pdf.name"), r.maskedName()),
        Map.entry(m.get("receipt.pdf.id_number"), r.maskedIdNumber()),
        Map.entry(m.get("receipt.pdf.card_number"), r.maskedCardNumber()),
        Map.entry(m.get("receipt.pdf.outcome"), m.get(outcomeKey(r))),
        Map.entry(m.get("receipt.pdf.when"), WHEN.format(r.issuedAt())),
        Map.entry(m.get("receipt.pdf.workstation"), r.workstation()),
        Map.entry(m.get("receipt.pdf.operator"), r.operatorId()));
  }

  /** An unlock restored the try counter as well as writing the PIN: the receipt says both. */
  private static String outcomeKey(Receipt r) {
    if (!r.written()) {
      return "receipt.pdf.not_written";
    }
    return r.service() == ServiceKind.UNLOCK ? "receipt.pdf.written_unlock" : "receipt.pdf.written";
  }

  private static void watermark(PDPageContentStream out, PDFont font, PDRectangle box)
      throws IOException {
    PdfDrawing.watermark(out, font, box, 0.18f, 54);
  }

  private static void text(
      PDPageContentStream out, PDFont font, float size, String s, float x, float y)
      throws IOException {
    PdfDrawing.text(out, font, size, s, x, y);
  }

  private static void centred(
      PDPageContentStream out, PDFont font, float size, String s, float centre, float y)
      throws IOException {
    float width = font.getStringWidth(s) / 1000 * size;
    text(out, font, size, s, centre - width / 2, y);
  }

  private static void rule(PDPageContentStream out, float from, float to, float y)
      throws IOException {
    out.setLineWidth(0.6f);
    out.moveTo(from, y);
    out.lineTo(to, y);
    out.stroke();
  }

  /** Case numbers are letters, digits and dashes; anything else must not reach the file system. */
  static String safeFileName(String caseId) {
    String safe = caseId.replaceAll("[^A-Za-z0-9_-]", "_");
    return safe.isEmpty() ? "receipt" : safe;
  }
}
