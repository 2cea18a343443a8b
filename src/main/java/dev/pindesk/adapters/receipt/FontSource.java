package dev.pindesk.adapters.receipt;

import dev.pindesk.ports.ReceiptPrinter.ReceiptException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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
  /**
   * The font shipped inside PinDesk (WenQuanYi Micro Hei, Apache-2.0; see the README beside it).
   */
  static final String BUNDLED = "/dev/pindesk/fonts/wqy-microhei.ttc";

  private final Object file;
  private final Closeable owner;
  private final TrueTypeFont font;
  private PDFont embedded;

  private FontSource(Object file, Closeable owner, TrueTypeFont font) {
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
        return firstFace(file, new TrueTypeCollection(file.toFile()));
      }
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
      return new FontSource(file, ttf, ttf);
    } catch (IOException | RuntimeException e) {
      throw new ReceiptException(
          "receipt.no_font", "font " + file + " cannot be read: " + e.getMessage(), e, file);
    }
  }

  /**
   * The font shipped inside PinDesk, read from the class path (into memory: about 5 MB).
   *
   * @throws IllegalStateException when the build lost it, which no clerk can repair
   */
  static FontSource bundled() {
    try (InputStream in = FontSource.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled font " + BUNDLED + " is not on the class path");
      }
      return firstFace("bundled " + BUNDLED, new TrueTypeCollection(in));
    } catch (IOException e) {
      throw new IllegalStateException("the bundled font " + BUNDLED + " cannot be read", e);
    }
  }

  private static FontSource firstFace(Object name, TrueTypeCollection collection)
      throws IOException {
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
    return new FontSource(name, collection, first[0]);
  }

  /** Where the font came from, for the log. */
  String origin() {
    return String.valueOf(file);
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
          "receipt.no_font",
          "font " + file + " has CFF outlines, which PDFBox cannot embed",
          null,
          file);
    }
    try {
      embedded = PDType0Font.load(doc, font, true);
      return embedded;
    } catch (IOException | RuntimeException e) {
      throw new ReceiptException(
          "receipt.no_font", "font " + file + " cannot be embedded: " + e.getMessage(), e, file);
    }
  }

  /** The font as embedded by {@link #embed}. */
  PDFont font() {
    if (embedded == null) {
      throw new IllegalStateException("font " + file + " not embedded yet");
    }
    return embedded;
  }

  @Override
  public void close() throws IOException {
    owner.close();
  }
}
