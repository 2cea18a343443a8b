package dev.pindesk.cli.operators;

import dev.pindesk.domain.Secrets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a password from the first line of a file (for scripted set-up), without ever making it a
 * String; every intermediate buffer is wiped.
 */
final class PasswordFile {
  private PasswordFile() {}

  /** The first line of {@code file} (UTF-8, without its line end or a leading BOM). */
  static char[] firstLine(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
    Secrets.wipe(bytes);
    char[] all = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
    Secrets.wipe(decoded.array());
    try {
      int start = all.length > 0 && all[0] == '\uFEFF' ? 1 : 0;
      int end = start;
      while (end < all.length && all[end] != '\n' && all[end] != '\r') {
        end++;
      }
      return Arrays.copyOfRange(all, start, end);
    } finally {
      Secrets.wipe(all);
    }
  }
}
