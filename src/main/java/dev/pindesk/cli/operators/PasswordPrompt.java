package dev.pindesk.cli.operators;

import java.io.Console;
import java.util.Optional;

/**
 * Asks the person at the terminal for a password without echo. An interface so commands can be
 * tested without a console.
 */
public interface PasswordPrompt {

  /** The typed password (the caller wipes it), or empty when there is no console or input ended. */
  Optional<char[]> read(String prompt);

  /** The JVM's console: absent when input or output is redirected. */
  static PasswordPrompt console() {
    return prompt -> {
      Console console = System.console();
      return console == null
          ? Optional.empty()
          : Optional.ofNullable(console.readPassword("%s ", prompt));
    };
  }

  /** No console at all (tests, scripts). */
  static PasswordPrompt none() {
    return prompt -> Optional.empty();
  }
}
