package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleCharsetTest {

  @Test
  void linuxAndMacAlwaysWriteUtf8() {
    assertThat(ConsoleCharset.of("Linux", Map.of("stdout.encoding", "ISO-8859-1")))
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(ConsoleCharset.of("Mac OS X", Map.of())).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void aChineseWindowsConsoleGetsItsCodePage936() {
    Charset cs = ConsoleCharset.of("Windows 10", Map.of("sun.stdout.encoding", "cp936"));

    assertThat(cs.name()).isEqualTo("GBK");
    assertThat(new String("社保卡".getBytes(cs), cs)).isEqualTo("社保卡");
  }

  @Test
  void theJava19PropertyWinsOverTheOlderOne() {
    assertThat(
            ConsoleCharset.of(
                    "Windows 11",
                    Map.of("stdout.encoding", "UTF-8", "sun.stdout.encoding", "cp936"))
                .name())
        .isEqualTo("UTF-8");
  }

  @Test
  void redirectedOutputOrAnUnknownCodePageStaysUtf8() {
    assertThat(ConsoleCharset.of("Windows 10", Map.of())).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ConsoleCharset.of("Windows 10", Map.of("sun.stdout.encoding", "cp99999")))
        .isEqualTo(StandardCharsets.UTF_8);
  }
}
