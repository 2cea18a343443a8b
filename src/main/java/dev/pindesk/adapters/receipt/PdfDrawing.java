package dev.pindesk.adapters.receipt;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/** Drawing the receipt and the audit report share: a line of text, the training watermark. */
final class PdfDrawing {
  static final String WATERMARK = "TRAINING 培训";

  private PdfDrawing() {}

  static void text(PDPageContentStream out, PDFont font, float size, String s, float x, float y)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, y);
    out.showText(s);
    out.endText();
  }

  /** "TRAINING 培训" across the page's diagonal, faint red, so no training page passes for real. */
  static void watermark(
      PDPageContentStream out, PDFont font, PDRectangle box, float alpha, float size)
      throws IOException {
    PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
    faint.setNonStrokingAlphaConstant(alpha);
    out.saveGraphicsState();
    out.setGraphicsStateParameters(faint);
    out.setNonStrokingColor(0.75f, 0.1f, 0.1f);
    float width = font.getStringWidth(WATERMARK) / 1000 * size;
    out.beginText();
    out.setFont(font, size);
    Matrix m =
        Matrix.getRotateInstance(
            Math.atan2(box.getHeight(), box.getWidth()), box.getWidth() / 2, box.getHeight() / 2);
    m.translate(-width / 2, -size / 3);
    out.setTextMatrix(m);
    out.showText(WATERMARK);
    out.endText();
    out.restoreGraphicsState();
  }
}
