package dev.pindesk.service.sync;

import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.ports.JournalStore;

/**
 * A journal store that wakes the sync service after every durable append, so an entry leaves for
 * the central right away instead of at the next poll. The wake-up only sets a flag: the append
 * never waits for the network.
 */
public final class WakingJournalStore implements JournalStore {
  private final JournalStore journal;
  private final Runnable wake;

  public WakingJournalStore(JournalStore journal, Runnable wake) {
    this.journal = journal;
    this.wake = wake;
  }

  @Override
  public long append(AuditEvent event) throws JournalException {
    long seq = journal.append(event);
    wake.run();
    return seq;
  }

  @Override
  public void checkpoint() throws JournalException {
    journal.checkpoint();
    wake.run();
  }

  @Override
  public void close() throws JournalException {
    journal.close();
  }
}
