package dev.pindesk.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * PinDesk's stand-in of the national SSC read/write interface ({@code
 * src/test/native/sscard-standin/sscard_standin.c}) compiled into a real shared library with the
 * system compiler, once per build directory. Without a C compiler or the libpcsclite headers the
 * tests using it skip with the reason — or fail when {@code PINDESK_REQUIRE_PCSC=1} (CI).
 */
public final class SscardStandin {
  static final String SOURCE = "src/test/native/sscard-standin/sscard_standin.c";
  private static Path built;

  private SscardStandin() {}

  /** The built library (compiled now if missing or older than its source). */
  public static synchronized Path library() {
    if (built != null) {
      return built;
    }
    Path source = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), SOURCE);
    Path out = buildDir().resolve("sscard-standin").resolve("libsscard-standin.so");
    try {
      if (!Files.isRegularFile(source)) {
        unavailable("the stand-in's source is not at " + source);
      }
      if (Files.isRegularFile(out)
          && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(source)) > 0) {
        built = out;
        return out;
      }
      if (!Files.exists(Path.of("/usr/include/PCSC/winscard.h"))) {
        unavailable("the libpcsclite headers are not installed (apt-get install libpcsclite-dev)");
      }
      Files.createDirectories(out.getParent());
      Path tmp = Files.createTempFile(out.getParent(), "libsscard-standin", ".so");
      List<String> cc =
          new ArrayList<>(
              List.of(
                  "cc",
                  "-shared",
                  "-fPIC",
                  "-O1",
                  "-Wall",
                  "-I/usr/include/PCSC",
                  "-o",
                  tmp.toString(),
                  source.toString(),
                  "-lpcsclite"));
      Process p;
      try {
        p = new ProcessBuilder(cc).redirectErrorStream(true).start();
      } catch (IOException e) {
        unavailable("no C compiler (cc): " + e.getMessage());
        return null;
      }
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        Files.deleteIfExists(tmp);
        fail("compiling the national-interface stand-in failed: " + log);
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      built = out;
      return out;
    } catch (IOException e) {
      unavailable("cannot build the stand-in: " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code target/} (or wherever the build directory was moved): the test classes' parent. */
  private static Path buildDir() {
    try {
      return Path.of(
              SscardStandin.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void unavailable(String why) {
    String p = System.getProperty("pindesk.requirePcsc", "");
    String e = Optional.ofNullable(System.getenv("PINDESK_REQUIRE_PCSC")).orElse("");
    if (p.equals("1") || p.equals("true") || e.equals("1") || e.equals("true")) {
      fail("PINDESK_REQUIRE_PCSC=1 but " + why);
    }
    Assumptions.abort("national-interface stand-in unavailable: " + why);
  }
}
