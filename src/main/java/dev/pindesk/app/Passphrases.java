package dev.pindesk.app;

import dev.pindesk.domain.Secrets;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Supervisor passphrases from a file (first line) or the console — never from an argument, which
 * would end up in shell history and process lists. Returned as {@code char[]}: the caller wipes.
 */
final class Passphrases {
  private Passphrases() {}

  static char[] fromFile(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
    try {
      int end = 0;
      while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
        end++;
      }
      return Arrays.copyOf(chars.array(), end);
    } finally {
      Secrets.wipe(bytes);
      Secrets.wipe(chars.array());
    }
  }

  /** Asks on the console ({@code twice} for a new passphrase); empty when there is no console. */
  static char[] prompt(String prompt, boolean twice) throws IOException {
    Console console = System.console();
    if (console == null) {
      throw new IOException("no console to ask for the passphrase: use --passphrase-file");
    }
    char[] first = console.readPassword("%s", prompt);
    if (twice) {
      char[] second = console.readPassword("%s", prompt);
      try {
        if (!Arrays.equals(first, second)) {
          Secrets.wipe(first);
          throw new IOException("the passphrases differ");
        }
      } finally {
        Secrets.wipe(second);
      }
    }
    return first;
  }
}
