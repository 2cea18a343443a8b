package dev.pindesk.it.sync;

import dev.pindesk.domain.sync.CentralException;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.ports.CentralLink;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The real link, counted: how many batches were acknowledged and how many attempts failed. */
final class CountingLink implements CentralLink {
  private final CentralLink link;
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  CountingLink(CentralLink link) {
    this.link = link;
  }

  @Override
  public Receipt send(SealedBatch batch) throws CentralException, InterruptedException {
    try {
      Receipt r = link.send(batch);
      acknowledged.incrementAndGet();
      return r;
    } catch (CentralException e) {
      failed.incrementAndGet();
      throw e;
    }
  }

  @Override
  public Optional<Receipt> fetchReceipt(byte[] journalId)
      throws CentralException, InterruptedException {
    return link.fetchReceipt(journalId);
  }

  int acknowledged() {
    return acknowledged.get();
  }

  int failed() {
    return failed.get();
  }
}
