package dev.pindesk.cli.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {
  @TempDir Path dir;

  private char[] read(String content) throws Exception {
    Path f = Files.writeString(dir.resolve("pw"), content, StandardCharsets.UTF_8);
    return PasswordFile.firstLine(f);
  }

  @Test
  void takesTheFirstLineWithoutItsLineEnd() throws Exception {
    assertThat(read("pass word 1\r\nnext")).containsExactly("pass word 1".toCharArray());
    assertThat(read("no newline")).containsExactly("no newline".toCharArray());
  }

  @Test
  void decodesUtf8AndDropsAByteOrderMark() throws Exception {
    assertThat(read("\uFEFF柜员密码abc\n")).containsExactly("柜员密码abc".toCharArray());
  }

  @Test
  void readsAnEmptyFileAsAnEmptyPassword() throws Exception {
    assertThat(read("")).isEmpty();
  }
}
