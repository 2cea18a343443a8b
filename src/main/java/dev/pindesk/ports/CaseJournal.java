package dev.pindesk.ports;

import dev.pindesk.domain.reset.CaseTransition;

/**
 * Where the transitions of reset cases go: the encrypted, hash-chained journal. The wizard moves on
 * only after {@link #record} returned, so an audited step can never be lost to a crash.
 */
public interface CaseJournal {

  /**
   * Appends {@code transition}; returns only once it is durable (written and synced).
   *
   * @throws RuntimeException (e.g. {@link java.io.UncheckedIOException}) when it could not be made
   *     durable; the case then stays in its previous state
   */
  void record(CaseTransition transition);

  /** The transition could not be made durable: the case must not move on. */
  final class NotRecordedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotRecordedException(String detail, Throwable cause) {
      super(detail, cause);
    }

    /** Translated clerk message key. */
    public String messageKey() {
      return "error.journal.not_writable";
    }
  }
}
