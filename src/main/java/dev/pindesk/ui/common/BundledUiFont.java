package dev.pindesk.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets JavaFX draw Chinese on a machine without a Chinese font: registers the font shipped inside
 * PinDesk (WenQuanYi Micro Hei, the receipts' font, ADR 0017) with JavaFX, unless the machine has a
 * Chinese font of its own. Call it before the first scene is built.
 *
 * <p>Why before: JavaFX draws text in its "System" font and takes the glyphs it lacks from the
 * system's fallback fonts, then from the fonts registered with {@link Font#loadFonts}. Without a
 * Chinese font the window shows empty boxes for every Chinese character; without any font at all
 * (fontconfig finds none: a minimal container) JavaFX prints "JavaFX detected no fonts!" and throws
 * a {@code NullPointerException} the first time a control needs a font, unless a font was
 * registered first. Loading the 5 MB collection costs 150–250 ms, so it is skipped where a Chinese
 * font of the system exists: the system's fonts come first in JavaFX's fallback order anyway.
 */
public final class BundledUiFont {
  private static final Logger LOG = LoggerFactory.getLogger(BundledUiFont.class);

  /** The family JavaFX knows the bundled font by once loaded. */
  public static final String FAMILY = "WenQuanYi Micro Hei";

  static final String RESOURCE = "/dev/pindesk/fonts/wqy-microhei.ttc";

  /**
   * Chinese fonts of the systems counters run, any one of which makes the bundled font unnecessary:
   * Debian and Ubuntu packages ({@code fonts-noto-cjk}, {@code fonts-wqy-microhei}, {@code
   * fonts-wqy-zenhei}, {@code fonts-arphic-uming}, {@code fonts-droid-fallback}) and Windows'
   * Microsoft YaHei and SimSun (present on every Windows 10 and 11).
   */
  static final List<Path> LINUX_CJK_FONTS =
      List.of(
          Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
          Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
          Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
          Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
          Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

  private static boolean loaded;

  private BundledUiFont() {}

  /** Registers the bundled font unless the machine has a Chinese font; see the class comment. */
  public static boolean install() {
    return install(systemChineseFonts());
  }

  /**
   * Registers the bundled font with JavaFX unless one of {@code systemFonts} exists (an empty list:
   * always). Idempotent; needs the JavaFX toolkit started. Returns whether the bundled font is
   * registered.
   */
  public static synchronized boolean install(List<Path> systemFonts) {
    if (loaded) {
      return true;
    }
    if (!needed(systemFonts)) {
      return false;
    }
    try (InputStream in = BundledUiFont.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        LOG.warn("the bundled font {} is not on the class path", RESOURCE);
        return false;
      }
      Font[] fonts = Font.loadFonts(in, -1);
      loaded = fonts != null && fonts.length > 0;
    } catch (IOException e) {
      LOG.warn("the bundled font {} cannot be read: {}", RESOURCE, e.toString());
      return false;
    }
    if (loaded) {
      LOG.info("no Chinese system font found: the window uses the bundled {}", FAMILY);
    } else {
      LOG.warn("JavaFX did not accept the bundled font {}", RESOURCE);
    }
    return loaded;
  }

  /** Whether none of {@code systemFonts} is there. */
  static boolean needed(List<Path> systemFonts) {
    return systemFonts.stream().noneMatch(Files::isRegularFile);
  }

  static List<Path> systemChineseFonts() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      Path fonts = Path.of(System.getenv().getOrDefault("WINDIR", "C:\\Windows"), "Fonts");
      return List.of(
          fonts.resolve("msyh.ttc"), fonts.resolve("msyh.ttf"), fonts.resolve("simsun.ttc"));
    }
    return LINUX_CJK_FONTS;
  }
}
