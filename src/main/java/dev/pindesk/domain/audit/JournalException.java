package dev.pindesk.domain.audit;

/**
 * The journal cannot record or read: the case must not go on (nothing may happen at the counter
 * that is not recorded). Messages name files and sequence numbers, never event contents.
 */
public class JournalException extends Exception {
  private static final long serialVersionUID = 1L;

  public JournalException(String message) {
    super(message);
  }

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
