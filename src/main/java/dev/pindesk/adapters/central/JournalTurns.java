package dev.pindesk.adapters.central;

import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whose turn it is, per journal. Batches of one journal are applied one at a time (a striped lock),
 * and every batch request takes a ticket when it starts and joins its journal's line as soon as its
 * header names the journal. A batch that would be a {@code gap} waits briefly for the batch before
 * it, and as long as a request with an earlier ticket is still in its journal's line
 * (docs/sync-protocol.md "Pipelining"). Only earlier tickets are waited for beyond the brief grace,
 * so two batches never wait for each other for long.
 */
final class JournalTurns {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JournalTurns.class);
  private static final int STRIPES = 64;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
  private final Condition[] moved = new Condition[STRIPES];

  /** Open tickets per journal id (guarded by the journal's stripe). */
  private final Map<String, TreeSet<Long>> lines = new ConcurrentHashMap<>();

  private final AtomicLong tickets = new AtomicLong();

  JournalTurns() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
      moved[i] = locks[i].newCondition();
    }
  }

  /** A request has started: its place in line, in arrival order. */
  long ticket() {
    return tickets.incrementAndGet();
  }

  /** The request holding {@code ticket} is for journal {@code journalId}. */
  void join(String journalId, long ticket) {
    ReentrantLock lock = lock(journalId);
    lock.lock();
    try {
      lines.computeIfAbsent(journalId, k -> new TreeSet<>()).add(ticket);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The request holding {@code ticket} was answered (or failed): later ones need not wait for it.
   */
  void leave(String journalId, long ticket) {
    int stripe = stripe(journalId);
    locks[stripe].lock();
    try {
      TreeSet<Long> line = lines.get(journalId);
      if (line != null) {
        line.remove(ticket);
        if (line.isEmpty()) {
          lines.remove(journalId);
        }
      }
      moved[stripe].signalAll();
    } finally {
      locks[stripe].unlock();
    }
  }

  /** What runs in the journal's turn: one transaction applying a batch. */
  @FunctionalInterface
  interface Turn<T> {
    T run() throws Refused, SQLException;
  }

  /**
   * Runs {@code turn} alone among the batches of {@code journalId}. When it is refused as a {@code
   * gap}, waits (the lock released) until something moves and runs it again: for up to {@code
   * maxWaitMillis} while a request with an earlier ticket is still in line, else (none was) for up
   * to {@code graceMillis}, as the missing batch, sent first, may have been overtaken on its way.
   */
  <T> T inTurn(String journalId, long ticket, long graceMillis, long maxWaitMillis, Turn<T> turn)
      throws Refused, SQLException, InterruptedException {
    int stripe = stripe(journalId);
    long start = System.nanoTime();
    long graceUntil = start + graceMillis * 1_000_000;
    long waitUntil = start + maxWaitMillis * 1_000_000;
    boolean waited = false;
    locks[stripe].lock();
    try {
      while (true) {
        try {
          T done = turn.run();
          moved[stripe].signalAll();
          return done;
        } catch (Refused r) {
          if (r.code() != Refusal.GAP) {
            throw r;
          }
          // Once it has waited for an earlier request that then ended without storing, that one
          // was the missing batch: no grace after it.
          boolean behind = behindAnother(journalId, ticket);
          waited |= behind;
          long until = behind ? waitUntil : waited ? start : graceUntil;
          long left = until - System.nanoTime();
          if (left <= 0) {
            throw r;
          }
          LOG.debug("journal {}: ticket {} waits for an earlier batch", journalId, ticket);
          moved[stripe].awaitNanos(left);
        }
      }
    } finally {
      locks[stripe].unlock();
    }
  }

  /** True while a request of {@code journalId} with an earlier ticket is open (stripe held). */
  private boolean behindAnother(String journalId, long ticket) {
    TreeSet<Long> line = lines.get(journalId);
    return line != null && !line.isEmpty() && line.first() < ticket;
  }

  private ReentrantLock lock(String journalId) {
    return locks[stripe(journalId)];
  }

  private static int stripe(String journalId) {
    return Math.floorMod(journalId.hashCode(), STRIPES);
  }
}
