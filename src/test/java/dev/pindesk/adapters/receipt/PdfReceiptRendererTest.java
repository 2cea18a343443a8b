package dev.pindesk.adapters.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.reset.Receipt;
import dev.pindesk.ports.ReceiptPrinter.ReceiptException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReceiptRendererTest {
  private static final String ID = "11010519491231002X";
  private static final String NAME = "张三丰";
  private static final String CARD = "A12345678";

  @TempDir Path dir;

  private static Receipt receipt(boolean training) {
    return Receipt.of(
        "TRAINING01-20261123-0007",
        ServiceKind.RESET,
        HolderKind.IN_PERSON,
        new Receipt.Holder(ID, NAME, CARD),
        LocalDateTime.of(2026, 11, 23, 14, 30, 5),
        "TRAINING-01",
        "demo",
        true,
        training);
  }

  /** The bundled font only: no test depends on the fonts of the machine it runs on. */
  private PdfReceiptRenderer renderer() {
    return new PdfReceiptRenderer(dir, CjkFont.lookup(Optional.empty(), List.of()));
  }

  private static String fontNames(Path pdf) throws Exception {
    StringBuilder names = new StringBuilder();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        names.append(doc.getPage(0).getResources().getFont(name).getName()).append(' ');
      }
    }
    return names.toString();
  }

  private static String text(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void writesAPdfNamedAfterTheCaseWithTheMaskedDataOnly() throws Exception {
    Path pdf = renderer().render(receipt(false), Locale.SIMPLIFIED_CHINESE);

    assertThat(pdf).isEqualTo(dir.resolve("TRAINING01-20261123-0007.pdf")).exists();
    String text = text(pdf);
    assertThat(text)
        .contains("TRAINING01-20261123-0007")
        .contains("110105********002X")
        .contains("张**")
        .contains("*****5678")
        .contains("社会保障卡密码服务回执")
        .contains("Social security card PIN service receipt")
        .doesNotContain(ID)
        .doesNotContain(NAME)
        .doesNotContain(CARD)
        .doesNotContain("TRAINING 培训");
  }

  @Test
  void marksATrainingReceiptWithTheWatermark() throws Exception {
    Path pdf = renderer().render(receipt(true), Locale.ENGLISH);

    assertThat(text(pdf)).contains("TRAINING").contains("Case number").doesNotContain(ID);
  }

  @Test
  void rendersChineseToAnImage() throws Exception {
    Path pdf = renderer().render(receipt(true), Locale.SIMPLIFIED_CHINESE);

    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
      Path shots = Path.of("target", "screenshots");
      Files.createDirectories(shots);
      ImageIO.write(image, "png", shots.resolve("receipt-zh.png").toFile());
      assertThat(image.getWidth()).isGreaterThan(500);
    }
  }

  @Test
  void makesAChineseReceiptWithoutAnySystemFontFromTheBundledFont() throws Exception {
    Path pdf = renderer().render(receipt(false), Locale.SIMPLIFIED_CHINESE);

    assertThat(text(pdf)).contains("社会保障卡密码服务回执").contains("业务编号").contains("张**");
    assertThat(fontNames(pdf)).contains("WenQuanYi");
    // PDFBox embeds a subset: the 5 MB font adds little to a receipt.
    assertThat(Files.size(pdf)).isLessThan(200_000);
  }

  @Test
  void skipsASystemFontThatCannotBeUsedAndFallsBackToTheBundledFont() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.ttc"), "not a font");
    PdfReceiptRenderer renderer =
        new PdfReceiptRenderer(
            dir, CjkFont.lookup(Optional.empty(), List.of(dir.resolve("absent.ttf"), broken)));

    Path pdf = renderer.render(receipt(false), Locale.SIMPLIFIED_CHINESE);

    assertThat(text(pdf)).contains("社会保障卡密码服务回执");
  }

  @Test
  void usesTheConfiguredFont() throws Exception {
    Path mine = dir.resolve("mine.ttc");
    try (var in = CjkFont.class.getResourceAsStream(FontSource.BUNDLED)) {
      Files.copy(in, mine);
    }
    Path broken = Files.writeString(dir.resolve("broken.ttf"), "not a font");
    PdfReceiptRenderer renderer =
        new PdfReceiptRenderer(dir, CjkFont.lookup(Optional.of(mine), List.of(broken)));

    assertThat(text(renderer.render(receipt(false), Locale.ENGLISH))).contains("Case number");
  }

  @Test
  void refusesWithATypedErrorNamingAConfiguredFontThatIsMissing() {
    Path missing = dir.resolve("missing.ttf");
    PdfReceiptRenderer renderer =
        new PdfReceiptRenderer(dir, CjkFont.lookup(Optional.of(missing), List.of()));

    assertThatThrownBy(() -> renderer.render(receipt(false), Locale.ENGLISH))
        .isInstanceOfSatisfying(
            ReceiptException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("receipt.no_font");
              assertThat(e.args()).containsExactly(missing);
            });
  }

  @Test
  void refusesWithATypedErrorWhenTheConfiguredFontCannotBeRead() throws Exception {
    Path notAFont = Files.writeString(dir.resolve("broken.ttf"), "not a font");
    PdfReceiptRenderer renderer =
        new PdfReceiptRenderer(dir, CjkFont.lookup(Optional.of(notAFont), CjkFont.WELL_KNOWN));

    assertThatThrownBy(() -> renderer.render(receipt(false), Locale.ENGLISH))
        .isInstanceOf(ReceiptException.class)
        .extracting(e -> ((ReceiptException) e).messageKey())
        .isEqualTo("receipt.no_font");
  }

  @Test
  void refusesCffOutlineFontsWhichPdfboxCannotEmbed() {
    // Noto CJK, as Debian's fonts-noto-cjk installs it, is an OpenType collection with CFF
    // outlines.
    Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    assumeTrue(Files.isReadable(noto), "fonts-noto-cjk not installed");
    PdfReceiptRenderer renderer =
        new PdfReceiptRenderer(dir, CjkFont.lookup(Optional.of(noto), List.of()));

    assertThatThrownBy(() -> renderer.render(receipt(false), Locale.ENGLISH))
        .isInstanceOf(ReceiptException.class)
        .extracting(e -> ((ReceiptException) e).messageKey())
        .isEqualTo("receipt.no_font");
    assertThat(dir.resolve("TRAINING01-20261123-0007.pdf")).doesNotExist();
  }
}
