package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two batches of one journal in flight (ADR 0010) against a real database: a batch that would be a
 * gap waits for the one before it, briefly when that one was overtaken on its way, as long as an
 * earlier request is open, and no longer once that request ended without storing. Run with the
 * whole store contract by the concrete SQLite and PostgreSQL classes.
 */
abstract class CentralPipeliningContract extends CentralStoreContract {
  /** An arrival fed with {@code batch}, as the HTTP handler feeds one while the body arrives. */
  private BatchIntake.Arrival arrived(SealedBatch batch) {
    BatchIntake.Arrival a = intake.arrive();
    a.header(batch.journalHeader());
    batch.entries().forEach(a::add);
    a.finish();
    return a;
  }

  /** {@code batch} applied on another thread, arriving and applied as the HTTP handler does. */
  private CompletableFuture<Receipt> applyingLater(CentralStore.Workstation ws, SealedBatch batch) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (BatchIntake.Arrival a = arrived(batch)) {
            return intake.apply(ws, batch, a);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
  }

  @Test
  void aBatchSentBeforeTheEarlierOneIsAppliedWaitsForItInsteadOfAGap() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("pipelined", keys, 60);
    SealedBatch first = j.batch(1, 30);
    SealedBatch second = j.batch(31, 60);
    BatchIntake.Arrival earlier = intake.arrive();
    earlier.header(first.journalHeader()); // the first batch's body is still arriving
    CompletableFuture<Receipt> later = applyingLater(ws, second);
    Thread.sleep(200);
    assertThat(later).isNotDone();
    first.entries().forEach(earlier::add);
    earlier.finish();
    assertReceipt(intake.apply(ws, first, earlier), j, 30);
    earlier.close();
    assertReceipt(later.get(10, TimeUnit.SECONDS), j, 60);
    assertThat(storedCount(j)).isEqualTo(60);
    assertThat(refusalsOf(j)).isEmpty();
  }

  @Test
  void aBatchThatOvertookTheOneBeforeItWaitsForItBriefly() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("overtaken", keys, 60);
    SealedBatch first = j.batch(1, 30);
    SealedBatch second = j.batch(31, 60);
    // The second batch arrives first, before anything of the first one (another connection).
    CompletableFuture<Receipt> later = applyingLater(ws, second);
    Thread.sleep(BatchIntake.GAP_GRACE_MILLIS / 10); // long enough to arrive, well within the grace
    assertThat(later).isNotDone();
    assertReceipt(intake.apply(ws, first), j, 30);
    assertReceipt(later.get(10, TimeUnit.SECONDS), j, 60);
    assertThat(refusalsOf(j)).isEmpty();
  }

  @Test
  void aWaitingBatchIsAGapAsSoonAsTheEarlierOneEndsWithoutBeingStored() throws Exception {
    Sm2KeyPair keys = Sm2.generate();
    CentralStore.Workstation ws = enrolled(keys);
    TestJournal j = journal("pipelined-cut", keys, 60);
    intake.apply(ws, j.batch(1, 10));
    SealedBatch second = j.batch(31, 60);
    BatchIntake.Arrival earlier = intake.arrive();
    earlier.header(second.journalHeader()); // 11..30, cut before its end
    CompletableFuture<Receipt> later = applyingLater(ws, second);
    Thread.sleep(200);
    assertThat(later).isNotDone();
    long t0 = System.nanoTime();
    earlier.close();
    Throwable failed = catchThrowable(() -> later.get(10, TimeUnit.SECONDS));
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(BatchIntake.GAP_WAIT_MILLIS / 2);
    assertThat(failed).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(Refused.class);
    Refused r = (Refused) failed.getCause();
    assertThat(r.code()).isEqualTo(Refusal.GAP);
    assertThat(r.expectedFrom()).isEqualTo(11);
    assertThat(storedCount(j)).isEqualTo(10);
    assertThat(refusalsOf(j)).extracting(CentralStore.RefusalRow::code).containsExactly("gap");
  }
}
