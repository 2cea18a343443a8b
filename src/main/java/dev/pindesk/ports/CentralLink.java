package dev.pindesk.ports;

import dev.pindesk.domain.sync.CentralException;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import java.util.Optional;

/**
 * The connection to the central system (docs/sync-protocol.md). Every receipt returned has a
 * signature that verified with the pinned central certificate; whether it matches the local chain
 * is the outbox's check.
 */
public interface CentralLink {
  /**
   * Uploads a batch; the same range may be sent any number of times.
   *
   * @return the central's receipt for its new head
   * @throws CentralException refused ({@link dev.pindesk.domain.sync.CentralFailure}, with {@code
   *     expectedFrom} for a gap), unreachable, timed out, or an unverifiable receipt
   * @throws InterruptedException when the sync thread is stopped
   */
  Receipt send(SealedBatch batch) throws CentralException, InterruptedException;

  /**
   * The central's current receipt of a journal, or empty when the central does not know it.
   *
   * @throws CentralException as for {@link #send}
   */
  Optional<Receipt> fetchReceipt(byte[] journalId) throws CentralException, InterruptedException;
}
