package dev.pindesk.adapters.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where pcsc-lite lives. The JDK's SunPCSC looks for {@code libpcsclite.so}, which Debian and
 * others only ship in the -dev package ({@code libpcsclite.so.1} is the runtime library); Debian's
 * own OpenJDK is patched, Temurin and jpackage runtimes are not. So on Linux PinDesk points SunPCSC
 * at the first library found, unless the user set {@value #JDK_PROPERTY} or PinDesk's override
 * ({@value #OVERRIDE_PROPERTY} / {@code PINDESK_PCSC_LIBRARY}).
 */
public final class PcscLibrary {
  static final String JDK_PROPERTY = "sun.security.smartcardio.library";
  static final String OVERRIDE_PROPERTY = "pindesk.pcsc.library";
  static final String OVERRIDE_ENV = "PINDESK_PCSC_LIBRARY";

  static final List<String> LINUX_CANDIDATES =
      List.of(
          "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1",
          "/usr/lib/aarch64-linux-gnu/libpcsclite.so.1",
          "/usr/lib64/libpcsclite.so.1",
          "/usr/lib/libpcsclite.so.1",
          "/lib/x86_64-linux-gnu/libpcsclite.so.1",
          "/usr/local/lib/libpcsclite.so.1");

  private PcscLibrary() {}

  /** Sets {@value #JDK_PROPERTY} when needed; returns the library chosen, if PinDesk chose one. */
  public static Optional<String> configure() {
    Optional<String> chosen =
        resolve(
            System.getProperty("os.name", ""),
            System.getProperty(JDK_PROPERTY),
            Optional.ofNullable(System.getProperty(OVERRIDE_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(OVERRIDE_ENV)))
                .orElse(null),
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
