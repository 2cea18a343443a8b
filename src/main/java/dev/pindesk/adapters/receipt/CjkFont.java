package dev.pindesk.adapters.receipt;

import dev.pindesk.ports.ReceiptPrinter.ReceiptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a TrueType font that can show Chinese, for embedding into the receipt. PDFBox embeds only
 * TrueType-outline fonts as Type 0 fonts; the CFF-based Noto CJK collections installed on the
 * counter machines cannot be embedded, so the well-known paths are TrueType fonts of Debian
 * packages that also hold Latin letters and digits ({@code fonts-wqy-microhei}, {@code
 * fonts-arphic-uming}); Droid Sans Fallback is not one of them, it has no Latin glyphs. A
 * configured font ({@code pindesk.receipt.font}) is tried first.
 */
public final class CjkFont {
  /** TrueType CJK fonts of Debian packages, in the order they are tried. */
  public static final List<Path> WELL_KNOWN =
      List.of(
          Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
          Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

  private final List<Path> candidates;

  private CjkFont(List<Path> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  /** The configured font (if any) first, then the well-known paths. */
  public static CjkFont lookup(Optional<Path> configured) {
    List<Path> all = new ArrayList<>();
    configured.ifPresent(all::add);
    all.addAll(WELL_KNOWN);
    return new CjkFont(all);
  }

  /** Exactly these candidates, in this order (tests, unusual installations). */
  public static CjkFont candidates(List<Path> candidates) {
    return new CjkFont(candidates);
  }

  /** The candidates in the order they are tried. */
  public List<Path> paths() {
    return candidates;
  }

  /**
   * The first readable candidate.
   *
   * @throws ReceiptException {@code receipt.no_font} when none exists
   */
  Path find() {
    return candidates.stream()
        .filter(Files::isReadable)
        .findFirst()
        .orElseThrow(
            () ->
                new ReceiptException(
                    "receipt.no_font", "no CJK TrueType font among " + candidates));
  }
}
