package dev.pindesk.adapters.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where pcsc-lite lives. The JDK's SunPCSC looks for {@code libpcsclite.so}, which Debian and
 * others only ship in the -dev package ({@code libpcsclite.so.1} is the runtime library); Debian's
 * own OpenJDK is patched, Temurin and jpackage runtimes are not. So on Linux PinDesk points SunPCSC
 * at the first library found, unless the user set {@value #JDK_PROPERTY} (the JDK's own setting) or
 * PinDesk's setting {@code pindesk.pcsc.library}, which the composition root reads and passes in.
 */
public final class PcscLibrary {
  static final String JDK_PROPERTY = "sun.security.smartcardio.library";

  static final List<String> LINUX_CANDIDATES =
      List.of(
          "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1",
          "/usr/lib/aarch64-linux-gnu/libpcsclite.so.1",
          "/usr/lib64/libpcsclite.so.1",
          "/usr/lib/libpcsclite.so.1",
          "/lib/x86_64-linux-gnu/libpcsclite.so.1",
          "/usr/local/lib/libpcsclite.so.1");

  private PcscLibrary() {}

  /**
   * Sets {@value #JDK_PROPERTY} when needed; returns the library chosen, if PinDesk chose one.
   *
   * @param override the administrator's library ({@code pindesk.pcsc.library}), which wins
   */
  public static Optional<String> configure(Optional<String> override) {
    Optional<String> chosen =
        resolve(
            System.getProperty("os.name", ""),
            System.getProperty(JDK_PROPERTY),
            override.orElse(null),
            LINUX_CANDIDATES);
    chosen.ifPresent(path -> System.setProperty(JDK_PROPERTY, path));
    return chosen;
  }

  /**
   * The library to configure: PinDesk's override wins; a library the user configured for the JDK is
   * left alone; on Linux the first existing candidate; elsewhere the platform default.
   */
  static Optional<String> resolve(
      String osName, String jdkSetting, String override, List<String> candidates) {
    if (override != null && !override.isBlank()) {
      return Optional.of(override);
    }
    if (jdkSetting != null || !osName.toLowerCase().contains("linux")) {
      return Optional.empty();
    }
    return candidates.stream().filter(c -> Files.isReadable(Path.of(c))).findFirst();
  }
}
