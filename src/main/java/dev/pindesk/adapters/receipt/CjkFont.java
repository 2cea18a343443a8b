package dev.pindesk.adapters.receipt;

import dev.pindesk.ports.ReceiptPrinter.ReceiptException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the TrueType font that shows Chinese in receipts and reports, in this order: the
 * configured font ({@code pindesk.receipt.font}), a CJK TrueType font of the system, then the font
 * shipped inside PinDesk (WenQuanYi Micro Hei), so a machine without any Chinese font still makes
 * receipts. PDFBox embeds only TrueType-outline fonts as Type 0 fonts; the CFF-based Noto CJK
 * collections cannot be embedded, so the system paths are TrueType fonts of Debian packages that
 * also hold Latin letters and digits ({@code fonts-wqy-microhei}, {@code fonts-arphic-uming});
 * Droid Sans Fallback is not one of them, it has no Latin glyphs.
 *
 * <p>Only a configured font that cannot be used is an error ({@code receipt.no_font}, naming the
 * file): the administrator asked for that font, so silently using another would hide the mistake. A
 * system font that cannot be used is logged and skipped.
 */
public final class CjkFont {
  private static final Logger LOG = LoggerFactory.getLogger(CjkFont.class);

  /** TrueType CJK fonts of Debian packages, in the order they are tried. */
  public static final List<Path> WELL_KNOWN =
      List.of(
          Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
          Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

  private final Optional<Path> configured;
  private final List<Path> system;

  private CjkFont(Optional<Path> configured, List<Path> system) {
    this.configured = configured;
    this.system = List.copyOf(system);
  }

  /** The configured font (if any), else the well-known system fonts, else the bundled font. */
  public static CjkFont lookup(Optional<Path> configured) {
    return lookup(configured, WELL_KNOWN);
  }

  /**
   * The configured font (if any), else the first usable of {@code system}, else the bundled font.
   * An empty {@code system} list never looks at the machine's fonts (tests, reproducible output).
   */
  public static CjkFont lookup(Optional<Path> configured, List<Path> system) {
    return new CjkFont(configured, system);
  }

  /** The font shipped inside PinDesk only. */
  public static CjkFont bundled() {
    return new CjkFont(Optional.empty(), List.of());
  }

  /**
   * Opens the chosen font and embeds it (as a subset) into {@code doc}; the returned source must
   * stay open until the document is saved.
   *
   * @throws ReceiptException {@code receipt.no_font} when the configured font cannot be used
   */
  FontSource embedInto(PDDocument doc) {
    if (configured.isPresent()) {
      return embedded(FontSource.open(configured.get()), doc);
    }
    for (Path candidate : system) {
      if (!Files.isReadable(candidate)) {
        continue;
      }
      try {
        return embedded(FontSource.open(candidate), doc);
      } catch (ReceiptException e) {
        LOG.warn("system font skipped, {}", e.getMessage());
      }
    }
    return embedded(FontSource.bundled(), doc);
  }

  private static FontSource embedded(FontSource source, PDDocument doc) {
    try {
      source.embed(doc);
      return source;
    } catch (RuntimeException e) {
      try {
        source.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }
}
