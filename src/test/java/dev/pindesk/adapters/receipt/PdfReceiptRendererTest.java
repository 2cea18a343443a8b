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

  private PdfReceiptRenderer renderer() {
    CjkFont font = CjkFont.lookup(Optional.empty());
    assumeTrue(
        font.paths().stream().anyMatch(Files::isReadable),
        "no CJK TrueType font installed (fonts-wqy-microhei)");
    return new PdfReceiptRenderer(dir, font);
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
  void refusesWithATypedErrorWhenNoChineseFontIsFound() {
    PdfReceiptRenderer renderer =
        new PdfReceiptRenderer(dir, CjkFont.candidates(List.of(dir.resolve("missing.ttf"))));

    assertThatThrownBy(() -> renderer.render(receipt(false), Locale.ENGLISH))
        .isInstanceOf(ReceiptException.class)
        .extracting(e -> ((ReceiptException) e).messageKey())
        .isEqualTo("receipt.no_font");
  }

  @Test
  void refusesWithATypedErrorWhenTheFontCannotBeRead() throws Exception {
    Path notAFont = Files.writeString(dir.resolve("broken.ttf"), "not a font");
    PdfReceiptRenderer renderer =
        new PdfReceiptRenderer(dir, CjkFont.candidates(List.of(notAFont)));

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
    PdfReceiptRenderer renderer = new PdfReceiptRenderer(dir, CjkFont.candidates(List.of(noto)));

    assertThatThrownBy(() -> renderer.render(receipt(false), Locale.ENGLISH))
        .isInstanceOf(ReceiptException.class)
        .extracting(e -> ((ReceiptException) e).messageKey())
        .isEqualTo("receipt.no_font");
    assertThat(dir.resolve("TRAINING01-20261123-0007.pdf")).doesNotExist();
  }

  @Test
  void prefersTheConfiguredFont() {
    Path configured = Path.of("/opt/fonts/mine.ttf");

    assertThat(CjkFont.lookup(Optional.of(configured)).paths()).first().isEqualTo(configured);
  }
}
