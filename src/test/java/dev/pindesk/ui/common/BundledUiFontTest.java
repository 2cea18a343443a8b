package dev.pindesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The window's Chinese text does not depend on the machine's fonts: the bundled font is registered
 * with JavaFX where no Chinese system font exists, and JavaFX then starts even with no font at all.
 */
@ExtendWith(ApplicationExtension.class)
class BundledUiFontTest {
  @TempDir Path dir;

  @Test
  void needsTheBundledFontOnlyWhereNoChineseSystemFontExists() throws Exception {
    Path installed = Files.createFile(dir.resolve("NotoSansCJK-Regular.ttc"));

    assertThat(BundledUiFont.needed(List.of())).isTrue();
    assertThat(BundledUiFont.needed(List.of(dir.resolve("absent.ttc")))).isTrue();
    assertThat(BundledUiFont.needed(List.of(dir.resolve("absent.ttc"), installed))).isFalse();
  }

  @Test
  void javaFxKnowsTheBundledFamilyWhenNoChineseSystemFontExists() throws Exception {
    assertThat(BundledUiFont.install(List.of(dir.resolve("absent.ttc")))).isTrue();

    assertThat(Font.getFamilies()).contains(BundledUiFont.FAMILY);
    assertThat(Font.font(BundledUiFont.FAMILY, 14).getFamily()).isEqualTo(BundledUiFont.FAMILY);
  }

  @Test
  @EnabledOnOs(OS.LINUX) // FONTCONFIG_FILE hides the machine's fonts from fontconfig
  void javaFxStartsAndDrawsChineseInTheBundledFontOnAMachineWithoutAnyFont() throws Exception {
    Path config = dir.resolve("fonts.conf");
    Files.writeString(
        config,
        "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>"
            + dir.resolve("fc-cache")
            + "</cachedir></fontconfig>\n");
    ProcessBuilder builder =
        new ProcessBuilder(
                ChildJvm.onTestClasspath(
                    dir,
                    "-Djava.io.tmpdir=" + dir,
                    "-Dglass.platform=Monocle",
                    "-Dmonocle.platform=Headless",
                    "-Dprism.order=sw",
                    "-Djava.awt.headless=true",
                    NoFontProbe.class.getName()))
            .redirectErrorStream(true);
    builder.environment().put("FONTCONFIG_FILE", config.toString());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(out).doesNotContain("Exception").contains("registered=true inked=true same=true");
    assertThat(p.exitValue()).isZero();
  }
}
