package dev.pindesk.service.sync;

import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.sync.CentralException;
import dev.pindesk.domain.sync.CentralFailure;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.ReceiptMismatchException;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.domain.sync.SyncStatus.Link;
import dev.pindesk.ports.CentralLink;
import dev.pindesk.ports.SyncOutbox;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the journal to the central system in the background (docs/sync-protocol.md): at start it
 * asks the central for its receipt and reconciles the cursor, then sends batches after the
 * acknowledged position until none is left, and waits for the next append. Failures are retried
 * with {@link Backoff}; a gap or an unknown journal moves the cursor to where the central stands; a
 * refusal no retry can fix (fork, chain, not enrolled, …, a receipt that does not match the
 * journal) stops sending until the service is restarted, and the status says why.
 *
 * <p>Runs on its own daemon thread ({@link #start()}), never on the UI thread; the counter only
 * calls {@link #wake()}, which never blocks. {@link #drainOnce()} and {@link #drainUntilDone()} run
 * the same work on the caller's thread (the {@code sync} CLI).
 */
public final class SyncService implements SyncStatusFeed, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

  /** Stable codes of problems that are not a {@link CentralFailure}. */
  public static final String RECEIPT_MISMATCH = "receipt_mismatch";

  public static final String JOURNAL_UNREADABLE = "journal_unreadable";

  /** A gap or unknown journal is followed at once this many times per attempt, then backed off. */
  private static final int REPOSITIONS_PER_ATTEMPT = 3;

  private final SyncOutbox outbox;
  private final CentralLink link;
  private final SyncConfig config;
  private final Clock clock;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
  private final Object work = new Object();
  private volatile SyncStatus status;
  private volatile boolean closed;
  private final SyncWorkers workers;
  private Thread thread;

  // guarded by work
  private boolean reconciled;
  private boolean halted;

  /** How one attempt ended. */
  private enum Outcome {
    DRAINED,
    RETRY,
    STOPPED
  }

  public SyncService(
      SyncOutbox outbox,
      CentralLink link,
      SyncConfig config,
      Clock clock,
      RandomGenerator random,
      Sleeper sleeper) {
    this.outbox = outbox;
    this.link = link;
    this.config = config;
    this.clock = clock;
    this.backoff = new Backoff(config.baseDelay(), config.maxDelay(), random);
    this.sleeper = sleeper;
    this.status = SyncStatus.starting(config.backlogLimit(), clock.instant());
    this.workers = new SyncWorkers(link, this::read);
  }

  /** With the system clock, a secure random for the jitter and real waiting. */
  public SyncService(SyncOutbox outbox, CentralLink link, SyncConfig config) {
    this(outbox, link, config, Clock.systemUTC(), new SecureRandom(), Sleeper.system());
  }

  /** Starts the background thread (once); returns this. */
  public synchronized SyncService start() {
    if (thread == null && !closed) {
      thread = new Thread(this::run, "journal-sync");
      thread.setDaemon(true);
      thread.start();
    }
    return this;
  }

  /** A journal append happened: send it soon. Never blocks. */
  public void wake() {
    sleeper.wake();
  }

  @Override
  public void subscribe(Consumer<SyncStatus> listener) {
    listeners.add(listener);
    listener.accept(status);
  }

  /** The latest status. */
  public SyncStatus status() {
    return status;
  }

  /**
   * One attempt on the caller's thread: reconcile with the central if not done yet, then send until
   * every entry is acknowledged or the first failure.
   */
  public SyncStatus drainOnce() throws InterruptedException {
    attempt();
    return status;
  }

  /**
   * On the caller's thread: retries with backoff until every entry written so far is acknowledged,
   * or a refusal no retry can fix.
   */
  public SyncStatus drainUntilDone() throws InterruptedException {
    int failures = 0;
    while (!closed) {
      Outcome o = attempt();
      if (o != Outcome.RETRY) {
        break;
      }
      sleeper.backoff(backoff.delay(failures++), this::refreshJournalQuietly);
    }
    return status;
  }

  private void run() {
    int failures = 0;
    try {
      while (!closed) {
        Outcome o = attempt();
        if (o == Outcome.RETRY) {
          sleeper.backoff(backoff.delay(failures++), this::refreshJournalQuietly);
        } else {
          failures = 0;
          sleeper.idle(config.pollInterval());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("journal sync stopped by a bug", e);
      publish(status.withLink(Link.STOPPED, Optional.of("internal_error")));
    }
  }

  private Outcome attempt() throws InterruptedException {
    synchronized (work) {
      if (halted) {
        refreshJournalQuietly();
        return Outcome.STOPPED;
      }
      int repositions = 0;
      while (true) {
        try {
          if (!reconciled) {
            reconcile();
            reconciled = true;
            publish(status.withLink(Link.ONLINE, Optional.empty()));
          }
          return drain();
        } catch (CentralException e) {
          CentralFailure f = e.failure();
          boolean reposition = f == CentralFailure.GAP || f == CentralFailure.UNKNOWN_JOURNAL;
          if (reposition && repositions++ < REPOSITIONS_PER_ATTEMPT) {
            LOG.info("central: {}; moving the cursor to where the central stands", e.getMessage());
            reconciled = false;
            continue;
          }
          return failed(e);
        } catch (ReceiptMismatchException e) {
          LOG.error(
              "journal sync stopped: a receipt does not match this journal: {}", e.getMessage());
          return halt(RECEIPT_MISMATCH);
        } catch (JournalException e) {
          LOG.warn("journal sync: {}", e.getMessage());
          refreshJournalQuietly();
          publish(status.withLink(status.link(), Optional.of(JOURNAL_UNREADABLE)));
          return Outcome.RETRY;
        }
      }
    }
  }

  /**
   * Moves the cursor to the central's receipt: forward when the central holds more (acknowledged by
   * another run, or the local cursor was lost), back when it holds less (restored from a backup),
   * to nothing when it does not know the journal. Every move is checked against the chain by the
   * outbox.
   */
  private void reconcile()
      throws CentralException, InterruptedException, JournalException, ReceiptMismatchException {
    Optional<Receipt> central = link.fetchReceipt(outbox.journalId());
    long local = outbox.ackSeq();
    if (central.isEmpty()) {
      if (local > 0 || outbox.receipt().isPresent()) {
        LOG.warn("the central does not know this journal: sending it again from entry 1");
        outbox.forgetCursor();
      }
    } else if (central.get().ackSeq() >= local) {
      outbox.acknowledge(central.get());
    } else {
      LOG.warn(
          "the central holds entries up to {} only, the stored receipt said {}: resending",
          central.get().ackSeq(),
          local);
      outbox.rewind(central.get());
    }
    refreshJournal();
  }

  /**
   * Sends batches until none is left, {@link SyncConfig#inFlight()} at a time: the next batch is
   * read while the current ones are on the wire, and sent before the oldest one's receipt is in.
   * Receipts are taken in order; on a failure the batches still on the wire are answered first (a
   * later receipt is kept: the central may have stored them) and the failure is then handled as
   * with one batch at a time.
   */
  private Outcome drain()
      throws CentralException, InterruptedException, JournalException, ReceiptMismatchException {
    Deque<SyncWorkers.InFlight> flight = new ArrayDeque<>();
    SyncWorkers.Prefetch next = null;
    try {
      refreshJournal();
      long after = outbox.ackSeq();
      while (!closed) {
        while (flight.size() < config.inFlight()) {
          SealedBatch batch = next != null && next.after() == after ? next.get() : read(after);
          next = null;
          if (batch.entries().isEmpty()) {
            break;
          }
          flight.add(workers.send(batch));
          after = batch.to();
          next = workers.readAhead(after);
        }
        SyncWorkers.InFlight oldest = flight.poll();
        if (oldest == null) {
          publish(status.withLink(Link.ONLINE, Optional.empty()));
          return Outcome.DRAINED;
        }
        Receipt receipt;
        try {
          receipt = oldest.receipt();
        } catch (CentralException e) {
          settle(flight);
          throw e;
        }
        outbox.acknowledge(receipt);
        if (receipt.ackSeq() < oldest.batch().from()) {
          // The central answered for an older head without refusing: do not spin on it.
          LOG.warn(
              "central acknowledged {} for a batch from {}",
              receipt.ackSeq(),
              oldest.batch().from());
          settle(flight);
          reconciled = false;
          refreshJournal();
          publish(status.withLink(Link.ONLINE, Optional.of(CentralFailure.GAP.wireName())));
          return Outcome.RETRY;
        }
        after = Math.max(after, outbox.ackSeq());
        refreshJournal();
        publish(status.withLink(Link.ONLINE, Optional.empty()));
      }
      return Outcome.STOPPED;
    } finally {
      if (next != null) {
        next.future().cancel(true);
      }
      for (SyncWorkers.InFlight f : flight) {
        f.answer().cancel(true);
      }
    }
  }

  /**
   * After the oldest batch failed: waits for the answers to the batches sent after it, keeping a
   * receipt that acknowledges more than the journal's cursor (the failure may have been only the
   * lost answer to a batch the central stored). Their own failures are expected (a gap, mostly).
   */
  private void settle(Deque<SyncWorkers.InFlight> flight)
      throws InterruptedException, JournalException, ReceiptMismatchException {
    for (SyncWorkers.InFlight f = flight.poll(); f != null; f = flight.poll()) {
      try {
        Receipt r = f.receipt();
        if (r.ackSeq() > outbox.ackSeq()) {
          outbox.acknowledge(r);
        }
      } catch (CentralException e) {
        LOG.debug(
            "batch {}..{} sent after a failed one: {}",
            f.batch().from(),
            f.batch().to(),
            e.getMessage());
      }
    }
  }

  private SealedBatch read(long after) throws JournalException {
    return outbox.read(after, config.maxEntries(), config.maxBytes());
  }

  private Outcome failed(CentralException e) {
    CentralFailure f = e.failure();
    refreshJournalQuietly();
    if (!f.retryable()) {
      LOG.error("journal sync stopped: {}", e.getMessage());
      return halt(f.wireName());
    }
    LOG.info("journal sync: {}; retrying", e.getMessage());
    publish(status.withLink(f.transport() ? Link.OFFLINE : Link.ONLINE, Optional.of(f.wireName())));
    return Outcome.RETRY;
  }

  private Outcome halt(String problem) {
    halted = true;
    refreshJournalQuietly();
    publish(status.withLink(Link.STOPPED, Optional.of(problem)));
    return Outcome.STOPPED;
  }

  /** Pending count, oldest pending time and last receipt from the journal, published. */
  private void refreshJournal() throws JournalException {
    long ack = outbox.ackSeq();
    publish(
        status.withJournal(
            outbox.lastSeq(),
            ack,
            outbox.oldestPendingTime(),
            outbox.receipt().map(Receipt::at),
            clock.instant()));
  }

  private void refreshJournalQuietly() {
    try {
      refreshJournal();
    } catch (JournalException e) {
      LOG.warn("journal sync: {}", e.getMessage());
    }
  }

  private void publish(SyncStatus s) {
    status = s;
    for (Consumer<SyncStatus> l : listeners) {
      try {
        l.accept(s);
      } catch (RuntimeException e) {
        LOG.warn("sync status listener failed", e);
      }
    }
  }

  /** Stops the thread promptly (an exchange in progress is interrupted) and closes the outbox. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = thread;
    }
    workers.close();
    if (t != null) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    outbox.close();
  }
}
