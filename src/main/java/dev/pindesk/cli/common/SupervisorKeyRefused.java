package dev.pindesk.cli.common;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The supervisor key store in {@code file} would not open; {@link Passphrases#describe} says why.
 */
public final class SupervisorKeyRefused extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the key store was refused. */
  public enum Reason {
    WRONG_PASSPHRASE,
    NOT_PKCS12,
    NOT_SUPERVISOR
  }

  private final Reason reason;
  private final transient Path file;

  public SupervisorKeyRefused(Reason reason, Path file, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.file = file;
  }

  public Reason reason() {
    return reason;
  }

  public Path file() {
    return file;
  }
}
