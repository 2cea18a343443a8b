package dev.pindesk.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.sync.CentralException;
import dev.pindesk.domain.sync.CentralFailure;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.ports.CentralLink;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two batches in flight (ADR 0010): the next batch goes before the previous answer, answers are
 * taken in order, and a receipt that arrives after a lost answer is kept.
 */
class SyncPipeliningTest extends SyncServiceFixture {
  /** What a test link does after the central stored a batch, before its answer returns. */
  @FunctionalInterface
  private interface AfterSend {
    void after(SealedBatch batch) throws CentralException, InterruptedException;
  }

  /** A link to {@code to} that runs {@code hook} on the sender's thread once a batch is stored. */
  private static CentralLink through(AfterSend hook, CentralLink to) {
    return new CentralLink() {
      @Override
      public Receipt send(SealedBatch batch) throws CentralException, InterruptedException {
        Receipt r = to.send(batch);
        hook.after(batch);
        return r;
      }

      @Override
      public Optional<Receipt> fetchReceipt(byte[] journalId)
          throws CentralException, InterruptedException {
        return to.fetchReceipt(journalId);
      }
    };
  }

  /** Counts the batches whose answers are on their way back at the same time. */
  private static final class AnswersInFlight {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    AfterSend around(AfterSend hook) {
      return batch -> {
        most.accumulateAndGet(now.incrementAndGet(), Math::max);
        try {
          hook.after(batch);
        } finally {
          now.decrementAndGet();
        }
      };
    }

    int most() {
      return most.get();
    }
  }

  @Test
  void sendsTheNextBatchBeforeThePreviousReceiptAndAcknowledgesInOrder() throws Exception {
    Path file = journal(40);
    CountDownLatch secondOnTheWire = new CountDownLatch(1);
    AnswersInFlight answers = new AnswersInFlight();
    CentralLink link =
        through(
            answers.around(
                batch -> {
                  if (batch.from() == 1) {
                    // the first answer waits until the second batch is on the wire
                    assertThat(secondOnTheWire.await(10, TimeUnit.SECONDS)).isTrue();
                  } else if (batch.from() == 8) {
                    secondOnTheWire.countDown();
                    Thread.sleep(100); // and the second is answered after the first
                  }
                }),
            central);
    service = service(file, link, SyncConfig.defaults().withBatchLimits(7, 1 << 20), T0);
    List<Long> acks = new CopyOnWriteArrayList<>();
    service.subscribe(st -> acks.add(st.ackSeq()));
    SyncStatus s = service.drainOnce();
    assertThat(s.problem()).isEmpty();
    assertThat(s.ackSeq()).isEqualTo(lastSeq(file));
    assertThat(answers.most()).isEqualTo(2);
    assertThat(acks).isSorted();
    assertEachSeqSentOnce();
  }

  @Test
  void oneBatchAtATimeWhenConfiguredSo() throws Exception {
    Path file = journal(40);
    AnswersInFlight answers = new AnswersInFlight();
    CentralLink link = through(answers.around(batch -> Thread.sleep(20)), central);
    SyncConfig one = SyncConfig.defaults().withBatchLimits(7, 1 << 20).withInFlight(1);
    service = service(file, link, one, T0);
    assertThat(service.drainOnce().ackSeq()).isEqualTo(lastSeq(file));
    assertThat(answers.most()).isEqualTo(1);
  }

  @Test
  void keepsTheReceiptOfABatchSentAfterOneWhoseAnswerWasLost() throws Exception {
    Path file = journal(14);
    CountDownLatch secondStored = new CountDownLatch(1);
    CentralLink link =
        through(
            batch -> {
              if (batch.from() == 1) { // stored centrally ...
                assertThat(secondStored.await(10, TimeUnit.SECONDS)).isTrue();
                throw new CentralException(
                    CentralFailure.UNREACHABLE, "connection reset"); // ... but the answer is lost
              }
              secondStored.countDown();
            },
            central);
    service = service(file, link, SyncConfig.defaults().withBatchLimits(7, 1 << 20), T0);
    SyncStatus s = service.drainOnce();
    assertThat(s.problem()).contains("unreachable");
    assertThat(s.ackSeq()).isEqualTo(14); // the second batch's receipt acknowledges both
    assertThat(ackSeq(file)).isEqualTo(14);
    assertEachSeqSentOnce();
  }
}
