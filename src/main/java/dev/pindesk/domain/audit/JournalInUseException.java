package dev.pindesk.domain.audit;

/**
 * Another PinDesk (another window or process on this computer) holds the journal: only one writer
 * at a time. Closing the other one is the remedy, not support.
 */
public final class JournalInUseException extends JournalException {
  private static final long serialVersionUID = 1L;

  public JournalInUseException(String message) {
    super(message);
  }
}
