package dev.pindesk.app;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.Optional;

/**
 * The charset the CLI writes in. UTF-8 everywhere but a Windows console, whose code page is most
 * often 936 (GBK) at Chinese counters: UTF-8 there prints garbage. The JDK names a console's code
 * page in {@code stdout.encoding} (Java 19+) or {@code sun.stdout.encoding} (when the launcher is
 * attached to a console); output redirected to a file or pipe has neither and stays UTF-8, which is
 * what scripts reading {@code --json} expect.
 */
final class ConsoleCharset {
  private ConsoleCharset() {}

  /** For this JVM. */
  static Charset current() {
    return of(
        System.getProperty("os.name", ""),
        Map.of(
            "stdout.encoding", System.getProperty("stdout.encoding", ""),
            "sun.stdout.encoding", System.getProperty("sun.stdout.encoding", "")));
  }

  /**
   * @param osName the {@code os.name} property
   * @param properties the system properties that name the console's encoding
   */
  static Charset of(String osName, Map<String, String> properties) {
    if (!osName.startsWith("Windows")) {
      return StandardCharsets.UTF_8;
    }
    return named(properties.get("stdout.encoding"))
        .or(() -> named(properties.get("sun.stdout.encoding")))
        .orElse(StandardCharsets.UTF_8);
  }

  private static Optional<Charset> named(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Charset.forName(name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      return Optional.empty();
    }
  }
}
