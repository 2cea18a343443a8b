package dev.pindesk.adapters.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A supervisor key store that was read but cannot give the supervisor key: {@link #reason()} says
 * why, for a translated message; the English message names the file, never the passphrase.
 */
public final class KeyStoreRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the key store gives no supervisor key. */
  public enum Reason {
    /** Not a PKCS#12 file at all. */
    NOT_PKCS12,
    /** The passphrase does not open it, or it is damaged (PKCS#12 cannot tell the two apart). */
    WRONG_PASSPHRASE,
    /** It opens but holds no PinDesk supervisor SM2 key. */
    NOT_SUPERVISOR
  }

  private final Reason reason;
  private final transient Path file;

  KeyStoreRefusedException(Reason reason, Path file, String detail, Throwable cause) {
    super(file + ": " + detail, cause);
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
