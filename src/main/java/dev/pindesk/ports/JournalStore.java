package dev.pindesk.ports;

import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.JournalException;

/**
 * The audit journal as the workflow sees it: append-only. Every step of a case is appended
 * <em>before</em> the UI moves on, so an append that returns is a promise: the entry is on disk,
 * sealed (encrypted for the supervisor, chained, later covered by a signed checkpoint) and survives
 * a crash or power loss. There is no read method on purpose: the workstation cannot read back what
 * it wrote (only the supervisor key can).
 *
 * <p>One store per journal file and process; a second writer on the same file is refused.
 */
public interface JournalStore extends AutoCloseable {
  /**
   * Seals {@code event} with the next sequence number and the current UTC time and returns that
   * sequence number once the entry is durable.
   *
   * @throws JournalException when the entry could not be made durable; the caller must stop the
   *     case (nothing may happen at the counter unrecorded)
   */
  long append(AuditEvent event) throws JournalException;

  /** Writes a signed checkpoint covering everything appended so far, if anything is uncovered. */
  void checkpoint() throws JournalException;

  /** Writes a final checkpoint, forgets the segment's data key and releases the file. */
  @Override
  void close() throws JournalException;
}
