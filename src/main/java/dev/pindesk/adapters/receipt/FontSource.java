package dev.pindesk.adapters.receipt;

import dev.pindesk.ports.ReceiptPrinter.ReceiptException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An open TrueType font file (a {@code .ttf}, or the first face of a {@code .ttc} collection). It
 * must stay open until the document is saved, because PDFBox subsets the font while saving.
 */
final class FontSource implements Closeable {
  private final Path file;
  private final Closeable owner;
  private final TrueTypeFont font;

  private FontSource(Path file, Closeable owner, TrueTypeFont font) {
    this.file = file;
    this.owner = owner;
    this.font = font;
  }

  /**
   * @throws ReceiptException {@code receipt.no_font} when the file is not a usable TrueType font
   */
  static FontSource open(Path file) {
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
        TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(
            f -> {
              if (first[0] == null) {
                first[0] = f;
              }
            });
        if (first[0] == null) {
          collection.close();
          throw new IOException("empty collection");
        }
        return new FontSource(file, collection, first[0]);
      }
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
      return new FontSource(file, ttf, ttf);
    } catch (IOException | RuntimeException e) {
      throw new ReceiptException(
          "receipt.no_font", "font " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Embeds the font (as a subset) into {@code doc}.
   *
   * @throws ReceiptException {@code receipt.no_font} when PDFBox cannot embed it (e.g. CFF
   *     outlines)
   */
  PDFont embed(PDDocument doc) {
    if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
      // PDFBox fails only later, while saving: "OTF fonts do not have a glyf table".
      throw new ReceiptException(
          "receipt.no_font", "font " + file + " has CFF outlines, which PDFBox cannot embed");
    }
    try {
      return PDType0Font.load(doc, font, true);
    } catch (IOException | RuntimeException e) {
      throw new ReceiptException(
          "receipt.no_font", "font " + file + " cannot be embedded: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    owner.close();
  }
}
