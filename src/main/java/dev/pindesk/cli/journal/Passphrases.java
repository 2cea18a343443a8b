package dev.pindesk.cli.journal;

import dev.pindesk.cli.common.SupervisorKeyRefused;
import dev.pindesk.domain.Secrets;
import dev.pindesk.i18n.Messages;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Supervisor passphrases from a file (first line) or the console — never from an argument, which
 * would end up in shell history and process lists. Returned as {@code char[]}: the caller wipes.
 */
public final class Passphrases {
  private Passphrases() {}

  /** No passphrase could be had; {@link #describe} turns it into a translated line. */
  static final class Unavailable extends IOException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String subject;

    Unavailable(String key, String subject) {
      super(key + (subject.isEmpty() ? "" : ": " + subject));
      this.key = key;
      this.subject = subject;
    }
  }

  /**
   * What went wrong getting a passphrase or opening the supervisor key store with it, in the user's
   * language with what to do; other I/O failures as their message.
   */
  public static String describe(IOException e, Messages messages) {
    if (e instanceof Unavailable u) {
      return messages.get(u.key, u.subject);
    }
    if (e instanceof SupervisorKeyRefused r) {
      String key =
          switch (r.reason()) {
            case WRONG_PASSPHRASE -> "cli.keystore.wrongPassphrase";
            case NOT_PKCS12 -> "cli.keystore.notPkcs12";
            case NOT_SUPERVISOR -> "cli.keystore.notSupervisor";
          };
      return messages.get(key, r.file().toString());
    }
    if (e instanceof NoSuchFileException) {
      return messages.get("cli.file.missing", e.getMessage());
    }
    return e.getMessage();
  }

  /**
   * The first line of {@code file}.
   *
   * @throws Unavailable when the file is missing or unreadable
   */
  public static char[] fromFile(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Unavailable("cli.passphrase.noFile", file.toString());
    } catch (IOException e) {
      throw new Unavailable("cli.passphrase.unreadable", file.toString());
    }
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

  /**
   * Asks on the console ({@code twice} for a new passphrase).
   *
   * @throws Unavailable when there is no console, input ended, or the two differ
   */
  public static char[] prompt(String prompt, boolean twice) throws IOException {
    Console console = System.console();
    if (console == null) {
      throw new Unavailable("cli.passphrase.noConsole", "");
    }
    char[] first = console.readPassword("%s", prompt);
    if (first == null) {
      throw new Unavailable("cli.passphrase.noConsole", "");
    }
    if (twice) {
      char[] second = console.readPassword("%s", prompt);
      try {
        if (!Arrays.equals(first, second)) {
          Secrets.wipe(first);
          throw new Unavailable("cli.passphrase.differ", "");
        }
      } finally {
        Secrets.wipe(second);
      }
    }
    return first;
  }
}
