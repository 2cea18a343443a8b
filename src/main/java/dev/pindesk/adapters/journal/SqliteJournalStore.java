package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm3Chain;
import dev.pindesk.crypto.gm.Sm4Gcm;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditRecord;
import dev.pindesk.domain.audit.CanonicalJson;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.ports.JournalStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal on SQLite: one transaction per append (WAL, {@code synchronous=FULL}), so {@link
 * #append} returns only once the entry is durable. A new data key (segment) at every open and every
 * {@code segmentEntries}; a signed checkpoint every {@code checkpointEvery} entries, written in the
 * same transaction as the entry that completes the interval, and at close.
 *
 * <p>Not thread-safe for concurrent appends by design of the caller (one case at a time); methods
 * are synchronized anyway so a stray second thread cannot corrupt the chain.
 */
public final class SqliteJournalStore implements JournalStore {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteJournalStore.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final StoreOptions options;
  private final WriterLock lock;
  private final Connection connection;
  private final PreparedStatement begin;
  private final PreparedStatement end;
  private final PreparedStatement insert;
  private final PreparedStatement pointer;
  private final byte[] journalId;
  private long seq;
  private byte[] head;
  private long segment;
  private long segmentStartSeq;
  private long lastCheckpointSeq;
  private byte[] dataKey = new byte[0];
  private boolean broken;
  private boolean closed;

  private SqliteJournalStore(Path file, StoreOptions options, WriterLock lock, Connection c)
      throws SQLException, JournalException {
    this.file = file;
    this.options = options;
    this.lock = lock;
    this.connection = c;
    JournalTail tail = JournalTail.openOrCreate(file, c, options);
    this.journalId = tail.journalId();
    this.seq = tail.lastSeq();
    this.head = tail.head();
    this.segment = tail.lastSegment();
    this.lastCheckpointSeq = tail.lastCheckpointSeq();
    // Transactions are begun explicitly per append (see commit()): with autoCommit off the driver
    // would begin the next IMMEDIATE transaction right after each commit and so hold the write
    // lock between appends, and the sync cursor (local_state) could never be stored meanwhile.
    this.begin = c.prepareStatement("BEGIN IMMEDIATE");
    this.end = c.prepareStatement("COMMIT");
    this.insert =
        c.prepareStatement("INSERT INTO entries (seq, header, body, hash) VALUES (?, ?, ?, ?)");
    this.pointer =
        c.prepareStatement(
            "UPDATE journal_meta SET last_checkpoint_seq = ?, last_checkpoint = ? WHERE id = 1");
  }

  /**
   * Opens (or creates) the journal at {@code file} for appending.
   *
   * @throws JournalException when another PinDesk holds it, it belongs to other keys or another
   *     workstation, or its unsigned tail does not match its chain
   */
  public static SqliteJournalStore open(Path file, StoreOptions options) throws JournalException {
    WriterLock lock = WriterLock.acquire(file);
    Connection c = null;
    try {
      c = JournalSchema.openForWriting(file, options.durable());
      SqliteJournalStore store = new SqliteJournalStore(file, options, lock, c);
      store.openSegment();
      LOG.info("journal {} open for appending at seq {}", file, store.seq);
      return store;
    } catch (SQLException | RuntimeException | JournalException e) {
      closeQuietly(c);
      lock.close();
      if (e instanceof JournalException je) {
        throw je;
      }
      throw new JournalException(file + ": cannot open the journal: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized long append(AuditEvent event) throws JournalException {
    ensureUsable();
    if (seq + 1 - segmentStartSeq > options.segmentEntries()) {
      openSegment();
    }
    long n = seq + 1;
    long now = options.clock().millis();
    byte[] header = new EntryHeader(EntryKind.EVENT, journalId, now, segment).encode();
    AuditRecord record =
        new AuditRecord(n, java.time.Instant.ofEpochMilli(now), options.workstationId(), event);
    byte[] json = CanonicalJson.of(record).getBytes(StandardCharsets.UTF_8);
    byte[] body;
    try {
      body = EventSeal.seal(dataKey, n, header, segment, json);
    } finally {
      Secrets.wipe(json);
    }
    byte[] hash = Sm3Chain.link(head, n, header, body);
    boolean checkpoint = n - lastCheckpointSeq >= options.checkpointEvery();
    commit(n, header, body, hash, checkpoint);
    return n;
  }

  @Override
  public synchronized void checkpoint() throws JournalException {
    ensureUsable();
    if (seq > lastCheckpointSeq) {
      commit(0, null, null, null, true);
    }
  }

  @Override
  public synchronized void close() throws JournalException {
    if (closed) {
      return;
    }
    try {
      if (!broken) {
        checkpoint();
      }
    } finally {
      closed = true;
      Secrets.wipe(dataKey);
      closeQuietly(connection);
      lock.close();
      LOG.info("journal {} closed at seq {}", file, seq);
    }
  }

  /** Wraps a fresh data key for the supervisor and appends the SEGMENT entry. */
  private void openSegment() throws JournalException {
    byte[] key = new byte[Sm4Gcm.KEY_LENGTH];
    RANDOM.nextBytes(key);
    long next = segment + 1;
    long n = seq + 1;
    byte[] header =
        new EntryHeader(EntryKind.SEGMENT, journalId, options.clock().millis(), next).encode();
    byte[] body =
        new SegmentBody(
                dev.pindesk.crypto.Sm3.digest(Sm2.encodePoint(options.supervisorKey())),
                Sm2.encrypt(options.supervisorKey(), key))
            .encode();
    byte[] hash = Sm3Chain.link(head, n, header, body);
    commit(n, header, body, hash, false);
    Secrets.wipe(dataKey);
    dataKey = key;
    segment = next;
    segmentStartSeq = n;
  }

  /**
   * One transaction: the entry (when {@code n > 0}) and, when asked, the checkpoint after it plus
   * the header's pointer to that checkpoint. State moves on only after the commit returned.
   */
  private void commit(long n, byte[] header, byte[] body, byte[] hash, boolean checkpoint)
      throws JournalException {
    long lastSeq = seq;
    byte[] lastHead = head;
    boolean begun = false;
    try {
      begin.execute();
      begun = true;
      if (n > 0) {
        insert(n, header, body, hash);
        lastSeq = n;
        lastHead = hash;
      }
      long checkpointSeq = lastCheckpointSeq;
      if (checkpoint) {
        checkpointSeq = lastSeq + 1;
        byte[] cpHeader =
            new EntryHeader(EntryKind.CHECKPOINT, journalId, options.clock().millis(), segment)
                .encode();
        byte[] signature =
            Sm2.sign(
                options.workstationKeys().privateKey(),
                CheckpointBody.signedMessage(journalId, lastSeq, lastHead));
        byte[] cpBody = new CheckpointBody(lastSeq, lastHead, signature).encode();
        byte[] cpHash = Sm3Chain.link(lastHead, checkpointSeq, cpHeader, cpBody);
        insert(checkpointSeq, cpHeader, cpBody, cpHash);
        pointer.setLong(1, checkpointSeq);
        pointer.setBytes(2, cpBody);
        pointer.executeUpdate();
        lastSeq = checkpointSeq;
        lastHead = cpHash;
      }
      end.execute();
      seq = lastSeq;
      head = lastHead;
      lastCheckpointSeq = checkpointSeq;
    } catch (SQLException e) {
      if (!begun) {
        // Busy beyond the timeout (another process storing the sync cursor hung): nothing was
        // written, the store stays usable, this entry is refused.
        throw new JournalException(file + ": entry " + (seq + 1) + " not recorded (busy)", e);
      }
      broken = true;
      try (var s = connection.createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException ignored) {
        // the store is marked broken either way
      }
      throw new JournalException(file + ": entry " + (seq + 1) + " not recorded", e);
    }
  }

  private void insert(long n, byte[] header, byte[] body, byte[] hash) throws SQLException {
    insert.setLong(1, n);
    insert.setBytes(2, header);
    insert.setBytes(3, body);
    insert.setBytes(4, hash);
    insert.executeUpdate();
  }

  private void ensureUsable() throws JournalException {
    if (closed) {
      throw new JournalException(file + ": journal is closed");
    }
    if (broken) {
      throw new JournalException(file + ": journal failed earlier; reopen it");
    }
  }

  /** Sequence number of the last entry written (0 for none). */
  public synchronized long lastSeq() {
    return seq;
  }

  /** The chain head {@code h_lastSeq}. */
  public synchronized byte[] head() {
    return Arrays.copyOf(head, head.length);
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException ignored) {
      // closing after a failure; the original failure is reported
    }
  }
}
