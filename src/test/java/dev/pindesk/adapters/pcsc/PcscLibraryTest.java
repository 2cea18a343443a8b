package dev.pindesk.adapters.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcscLibraryTest {
  @TempDir Path dir;

  @Test
  void overrideWinsEverywhere() {
    assertThat(PcscLibrary.resolve("Linux", "/jdk/choice", "/my/lib.so", List.of()))
        .contains("/my/lib.so");
    assertThat(PcscLibrary.resolve("Windows 11", null, "C:/x.dll", List.of())).contains("C:/x.dll");
  }

  @Test
  void onLinuxTheFirstExistingRuntimeLibraryIsChosen() throws IOException {
    Path lib = Files.createFile(dir.resolve("libpcsclite.so.1"));
    assertThat(
            PcscLibrary.resolve(
                "Linux",
                null,
                null,
                List.of(dir.resolve("missing.so.1").toString(), lib.toString())))
        .contains(lib.toString());
  }

  @Test
  void aJdkSettingOrAnotherSystemIsLeftAlone() {
    assertThat(PcscLibrary.resolve("Linux", "/set/by/user", null, List.of("/"))).isEmpty();
    assertThat(PcscLibrary.resolve("Mac OS X", null, null, List.of("/"))).isEmpty();
  }
}
