package dev.pindesk.adapters.central;

import dev.pindesk.adapters.journal.ChainCursor;
import dev.pindesk.adapters.journal.ChainCursor.ChainException;
import dev.pindesk.adapters.journal.ChainLinks;
import dev.pindesk.adapters.journal.Problem;
import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The central's handling of one batch (docs/sync-protocol.md, {@code POST /v1/batches}): ownership,
 * first-seen header verification, duplicates and overlaps compared with what is stored (a
 * difference is a fork), gaps answered with {@code expectedFrom}, the chain checked from the stored
 * head with {@link ChainCursor}, then entries and the new head stored in one transaction and a
 * receipt signed with the certificate key. A refused batch stores nothing (except its refusal).
 *
 * <p>Batches of one journal are applied one at a time ({@link JournalTurns} here, the journal row
 * locked on PostgreSQL), so concurrent duplicate deliveries store each seq exactly once.
 *
 * <p>A workstation may send its next batch before the central has answered the previous one (two in
 * flight, docs/sync-protocol.md "Pipelining"). Each request is an {@link Arrival} from its first
 * byte; a batch that would be a gap waits for the batch before it instead of being refused as
 * {@code gap} at once: up to {@link #GAP_WAIT_MILLIS} while an earlier arrival of the same journal
 * is still being received or applied, else {@link #GAP_GRACE_MILLIS} (the two connections may
 * deliver out of order).
 */
public final class BatchIntake implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchIntake.class);

  private final CentralStore store;
  private final PrivateKey receiptKey;
  private final Clock clock;
  private final CentralMetrics metrics;
  private final RefusalLog refusals;
  private final JournalTurns turns = new JournalTurns();

  /** How long a batch waits for an earlier arrival of its journal before it is a {@code gap}. */
  static final long GAP_WAIT_MILLIS = 10_000;

  /**
   * How long any batch that would be a {@code gap} waits for the batch before it: sent first on
   * another connection, that one may arrive a moment later.
   */
  static final long GAP_GRACE_MILLIS = 250;

  /** Threads that hash chain links while a batch is still arriving ({@link ChainLinks}). */
  private final ExecutorService linkers;

  /** Counted in metrics nobody scrapes (a part used on its own). */
  public BatchIntake(CentralStore store, PrivateKey receiptKey, Clock clock) {
    this(store, receiptKey, clock, CentralMetrics.unscraped());
  }

  /** Batches, entries and refusals counted in {@code metrics}. */
  public BatchIntake(
      CentralStore store, PrivateKey receiptKey, Clock clock, CentralMetrics metrics) {
    this.linkers =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            r -> {
              Thread t = new Thread(r, "central-chain-links");
              t.setDaemon(true);
              return t;
            });
    this.store = store;
    this.receiptKey = receiptKey;
    this.clock = clock;
    this.metrics = metrics;
    this.refusals = new RefusalLog(store, clock, metrics);
  }

  /**
   * Applies {@code batch} sent (and authenticated) by {@code sender}; returns the receipt for the
   * journal's head afterwards. Every refusal is recorded before it is thrown.
   *
   * @throws Refused with the documented code (not_your_journal, fork, gap, chain, malformed)
   * @throws SQLException when the store is unavailable (nothing was stored)
   */
  public Receipt apply(CentralStore.Workstation sender, SealedBatch batch)
      throws Refused, SQLException {
    try (Arrival arrival = arrive()) {
      arrival.header(batch.journalHeader());
      batch.entries().forEach(arrival::add);
      arrival.finish();
      return apply(sender, batch, arrival);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while checking the chain", e);
    }
  }

  /** A batch request has started: hand its header and every entry, in order, to the arrival. */
  public Arrival arrive() {
    return new Arrival();
  }

  /**
   * As {@link #apply(CentralStore.Workstation, SealedBatch)}, for a batch decoded into {@code
   * arrival} (its links computed while it arrived). Waits for an earlier arrival of the same
   * journal rather than answer {@code gap} (see the class comment).
   */
  public Receipt apply(CentralStore.Workstation sender, SealedBatch batch, Arrival arrival)
      throws Refused, SQLException, InterruptedException {
    String journalId = "";
    try {
      ChainCursor probe = probe(batch.journalHeader());
      journalId = Hex.of(probe.journalId());
      if (!probe.signedBy(sender.key())) {
        throw Refused.of(
            Refusal.NOT_YOUR_JOURNAL,
            "journal " + journalId + " is written with another workstation key");
      }
      if (!batch.entries().isEmpty() && batch.from() < 1) {
        throw Refused.of(Refusal.MALFORMED, "entry seq numbers start at 1");
      }
      String id = journalId;
      long start = System.nanoTime();
      Applied applied =
          turns.inTurn(
              id,
              arrival.ticket,
              GAP_GRACE_MILLIS,
              GAP_WAIT_MILLIS,
              () ->
                  store
                      .database()
                      .transaction(c -> applyLocked(c, sender, batch, arrival.links, id)));
      metrics.batch(applied.stored()); // committed: counted once, as stored
      Receipt r = applied.receipt();
      LOG.info(
          "journal {} entries {}..{} from {}: head {} ({} ms)",
          id,
          batch.from(),
          batch.to(),
          sender.keyId(),
          r.ackSeq(),
          (System.nanoTime() - start) / 1_000_000);
      return r;
    } catch (Refused r) {
      refusals.record(sender.keyId(), journalId, r);
      throw r;
    }
  }

  /**
   * One batch request, from its first byte until it is answered: its chain links, hashed as its
   * entries are decoded, and its place among the open arrivals of its journal (known from the
   * header). Close it when the request is answered (or failed).
   */
  public final class Arrival implements AutoCloseable {
    private final long ticket = turns.ticket();
    private final ChainLinks links = new ChainLinks(linkers);
    private String journalId;

    private Arrival() {}

    /**
     * The batch's journal header, before its entries: checkpoint signatures are then checked with
     * the links, and a later batch of the same journal waits for this one. A header that does not
     * decode is left to {@link #apply} to refuse.
     */
    public void header(byte[] journalHeader) {
      links.header(journalHeader);
      if (journalId != null) {
        return;
      }
      String id;
      try {
        id = Hex.of(probe(journalHeader).journalId());
      } catch (Refused e) {
        return;
      }
      turns.join(id, ticket);
      journalId = id;
    }

    /** The next entry, decoded: its link is computed on another core. */
    public void add(SealedEntry e) {
      links.add(e);
    }

    /** Every entry was added. */
    public void finish() {
      links.finish();
    }

    @Override
    public void close() {
      String id = journalId;
      if (id == null) {
        return;
      }
      journalId = null;
      turns.leave(id, ticket);
    }
  }

  /**
   * The current receipt of journal {@code journalIdHex} for {@code sender}.
   *
   * @throws Refused {@code unknown_journal}, or {@code not_your_journal} for another key's journal
   */
  public Receipt receipt(CentralStore.Workstation sender, String journalIdHex)
      throws Refused, SQLException {
    String id = journalIdHex.toUpperCase(Locale.ROOT);
    try {
      Optional<JournalRow> row = store.journal(id);
      if (row.isEmpty()) {
        throw Refused.of(Refusal.UNKNOWN_JOURNAL, "no journal " + id + " at this central");
      }
      if (!row.get().keyId().equals(sender.keyId())) {
        throw Refused.of(
            Refusal.NOT_YOUR_JOURNAL, "journal " + id + " belongs to another workstation key");
      }
      return receiptOf(row.get());
    } catch (Refused r) {
      // A workstation asks for its receipt before its first batch: "unknown" is then the normal
      // answer, not a refusal to record (and warn about) at every first contact.
      if (r.code() != Refusal.UNKNOWN_JOURNAL) {
        refusals.record(sender.keyId(), id, r);
      }
      throw r;
    }
  }

  /** The header decoded without its signature, to learn its journal id and key. */
  private static ChainCursor probe(byte[] header) throws Refused {
    try {
      return ChainCursor.resume(header, 0, new byte[32], 0, 0);
    } catch (ChainException e) {
      throw Refused.of(Refusal.MALFORMED, "journal header: " + e.getMessage());
    }
  }

  /** A batch applied: the receipt for the new head and how many of its entries were new. */
  private record Applied(Receipt receipt, int stored) {}

  private Applied applyLocked(
      Connection c,
      CentralStore.Workstation sender,
      SealedBatch batch,
      ChainLinks links,
      String journalId)
      throws SQLException, Refused {
    long now = clock.millis();
    Optional<JournalRow> found = JournalRows.find(c, journalId, true);
    if (found.isEmpty()) {
      register(c, sender, batch, journalId, now);
      found = JournalRows.find(c, journalId, true);
    }
    JournalRow j = found.orElseThrow(() -> new SQLException("journal row missing after insert"));
    if (!j.keyId().equals(sender.keyId())) {
      throw Refused.of(
          Refusal.NOT_YOUR_JOURNAL, "journal " + journalId + " belongs to another workstation key");
    }
    if (!Arrays.equals(j.header(), batch.journalHeader())) {
      throw Refused.fork(0, "the journal header differs from the one registered for this journal");
    }
    List<SealedEntry> entries = batch.entries();
    int firstNew = checkOverlap(c, j, entries);
    List<SealedEntry> fresh = entries.subList(firstNew, entries.size());
    if (fresh.isEmpty()) {
      return new Applied(receiptOf(j), 0);
    }
    if (fresh.get(0).seq() != j.headSeq() + 1) {
      throw Refused.gap(j.headSeq() + 1, fresh.get(0).seq());
    }
    ChainCursor cursor = continueChain(j, links, firstNew);
    CentralStore.insertEntries(c, journalId, fresh, now);
    JournalRows.moveHead(
        c,
        journalId,
        cursor.lastSeq(),
        cursor.head(),
        cursor.segment(),
        cursor.lastCheckpointSeq(),
        now);
    return new Applied(
        sign(journalId, j.workstationId(), cursor.lastSeq(), cursor.head(), now), fresh.size());
  }

  /** First sight of a journal: its header must carry a valid signature by its own key. */
  private static void register(
      Connection c, CentralStore.Workstation sender, SealedBatch batch, String journalId, long now)
      throws SQLException, Refused {
    ChainCursor genesis;
    try {
      genesis = ChainCursor.genesis(batch.journalHeader(), batch.headerSignature());
    } catch (ChainException e) {
      Problem p = e.problem();
      throw Refused.chain(p.seq(), p.kind().wireName(), p.describe());
    }
    JournalRows.insert(
        c,
        new JournalRow(
            journalId,
            sender.keyId(),
            genesis.workstationId(),
            batch.journalHeader(),
            batch.headerSignature(),
            0,
            genesis.head(),
            0,
            0,
            now),
        now);
  }

  /**
   * Entries at or below the stored head must be byte for byte the stored ones (else: fork); returns
   * the index of the first entry above the head.
   */
  private static int checkOverlap(Connection c, JournalRow j, List<SealedEntry> entries)
      throws SQLException, Refused {
    if (entries.isEmpty() || entries.get(0).seq() > j.headSeq()) {
      return 0;
    }
    long from = entries.get(0).seq();
    long to = Math.min(entries.get(entries.size() - 1).seq(), j.headSeq());
    List<SealedEntry> stored = CentralStore.entries(c, j.journalId(), from, to);
    if (stored.size() != to - from + 1) {
      throw new SQLException(
          "journal " + j.journalId() + " lacks stored entries " + from + ".." + to);
    }
    for (int i = 0; i < stored.size(); i++) {
      SealedEntry sent = entries.get(i);
      SealedEntry kept = stored.get(i);
      if (!Arrays.equals(sent.hash(), kept.hash())
          || !Arrays.equals(sent.header(), kept.header())
          || !Arrays.equals(sent.body(), kept.body())) {
        throw Refused.fork(
            sent.seq(), "entry " + sent.seq() + " differs from the stored one (history rewritten)");
      }
    }
    return stored.size();
  }

  private static ChainCursor continueChain(JournalRow j, ChainLinks links, int firstNew)
      throws Refused, SQLException {
    try {
      ChainCursor cursor =
          ChainCursor.resume(
              j.header(), j.headSeq(), j.headHash(), j.segment(), j.lastCheckpointSeq());
      cursor.acceptAll(links, firstNew);
      return cursor;
    } catch (ChainException e) {
      Problem p = e.problem();
      throw Refused.chain(p.seq(), p.kind().wireName(), p.describe());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while checking the chain", e);
    }
  }

  /** Stops the hashing threads. */
  @Override
  public void close() {
    linkers.shutdownNow();
  }

  private Receipt receiptOf(JournalRow j) {
    return sign(j.journalId(), j.workstationId(), j.headSeq(), j.headHash(), j.lastReceiptAt());
  }

  private Receipt sign(String journalId, String workstationId, long seq, byte[] head, long at) {
    Receipt unsigned =
        new Receipt(
            Hex.parse(journalId), workstationId, seq, head, Instant.ofEpochMilli(at), new byte[0]);
    return ReceiptCodec.sign(unsigned, receiptKey);
  }
}
