package dev.pindesk.adapters.journal;

import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.ReceiptMismatchException;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import dev.pindesk.ports.SyncOutbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A journal opened for shipping while the counter appends to it (docs/sync-protocol.md, "The
 * journal is the outbox"). Reads go through its own read-only SQLite connection: in WAL mode a
 * reader never blocks the writer, and each read sees the latest committed entries. The cursor
 * ({@code sync.ackSeq}) and the receipt ({@code sync.receipt}) live in {@code local_state} and are
 * written through a short-lived connection with a busy timeout, in one transaction; the journal's
 * writer lock is not taken, so the app and the {@code sync} CLI can both ship the same journal.
 *
 * <p>Thread-safe (methods are synchronized); one instance per sync service or CLI run.
 */
public final class JournalOutbox implements SyncOutbox {
  static final String ACK_SEQ = "sync.ackSeq";
  static final String RECEIPT = "sync.receipt";

  /** What a workstation sends per batch at most (docs/sync-protocol.md). */
  public static final int BATCH_ENTRIES = 2000;

  public static final int BATCH_BYTES = 1 << 20;

  private final Path file;
  private final Connection reader;
  private final byte[] header;
  private final byte[] headerSignature;
  private final byte[] journalId;
  private final byte[] genesis;
  private boolean closed;

  private JournalOutbox(Path file, Connection reader, byte[] header, byte[] headerSignature) {
    this.file = file;
    this.reader = reader;
    this.header = header;
    this.headerSignature = headerSignature;
    JournalHeader decoded = JournalHeader.decode(header);
    this.journalId = decoded.journalId();
    this.genesis = decoded.genesis();
  }

  /**
   * Opens {@code file} for shipping.
   *
   * @throws JournalException when it is not a readable PinDesk journal
   */
  public static JournalOutbox open(Path file) throws JournalException {
    if (!Files.isRegularFile(file)) {
      throw new JournalException(file + ": no such journal");
    }
    Connection c = null;
    try {
      c = JournalSchema.openReadOnly(file);
      if (!JournalSchema.exists(c)) {
        throw new JournalException(file + ": not a PinDesk journal");
      }
      try (PreparedStatement ps =
              c.prepareStatement("SELECT header, header_sig FROM journal_meta WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new JournalException(file + ": the journal header is missing");
        }
        return new JournalOutbox(file, c, rs.getBytes(1), rs.getBytes(2));
      }
    } catch (SQLException | IllegalArgumentException e) {
      closeQuietly(c);
      throw new JournalException(file + ": cannot open the journal: " + e.getMessage(), e);
    } catch (JournalException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  /** The signed file header (the chain's genesis is its SM3). */
  public byte[] header() {
    return header.clone();
  }

  /** The workstation's SM2 signature of {@link #header()}. */
  public byte[] headerSignature() {
    return headerSignature.clone();
  }

  /** The workstation public key point (65 bytes) named by the header. */
  public byte[] workstationKey() {
    return JournalHeader.decode(header).workstationKey();
  }

  /** The workstation id written in the header. */
  public String workstationId() {
    return JournalHeader.decode(header).workstationId();
  }

  @Override
  public byte[] journalId() {
    return journalId.clone();
  }

  @Override
  public synchronized long lastSeq() throws JournalException {
    return queryLong("SELECT coalesce(max(seq), 0) FROM entries", "the last entry");
  }

  /** Entries after {@code afterSeq}: at most 2,000 and about 1 MiB (docs/sync-protocol.md). */
  public SealedBatch read(long afterSeq) throws JournalException {
    return read(afterSeq, BATCH_ENTRIES, BATCH_BYTES);
  }

  @Override
  public synchronized SealedBatch read(long afterSeq, int maxEntries, int maxBytes)
      throws JournalException {
    ensureOpen();
    List<SealedEntry> entries = new ArrayList<>();
    long bytes = 0;
    try (PreparedStatement ps =
        reader.prepareStatement(
            "SELECT seq, header, body, hash FROM entries WHERE seq > ? ORDER BY seq LIMIT ?")) {
      ps.setLong(1, afterSeq);
      ps.setInt(2, Math.max(1, maxEntries));
      try (ResultSet rs = ps.executeQuery()) {
        long expected = afterSeq + 1;
        while (rs.next()) {
          SealedEntry e =
              new SealedEntry(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4));
          if (e.seq() != expected || e.header() == null || e.body() == null || e.hash() == null) {
            throw new JournalException(
                file + ": entry " + expected + " is missing or damaged; run journal verify");
          }
          if (!entries.isEmpty() && bytes + e.wireSize() > maxBytes) {
            break;
          }
          entries.add(e);
          bytes += e.wireSize();
          expected++;
        }
      }
    } catch (SQLException e) {
      throw unreadable("entries after " + afterSeq, e);
    }
    return new SealedBatch(header, headerSignature, entries);
  }

  @Override
  public synchronized byte[] hashAt(long seq) throws JournalException {
    ensureOpen();
    if (seq == 0) {
      return genesis.clone();
    }
    return hashAt(reader, seq);
  }

  private byte[] hashAt(Connection c, long seq) throws JournalException {
    try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM entries WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new JournalException(file + ": entry " + seq + " is missing");
        }
        return rs.getBytes(1);
      }
    } catch (SQLException e) {
      throw unreadable("entry " + seq, e);
    }
  }

  @Override
  public synchronized long ackSeq() throws JournalException {
    ensureOpen();
    return parseAckSeq(localState(reader, ACK_SEQ));
  }

  @Override
  public synchronized Optional<Receipt> receipt() throws JournalException {
    ensureOpen();
    Optional<String> json = localState(reader, RECEIPT);
    try {
      return json.map(ReceiptCodec::fromJson);
    } catch (IllegalArgumentException e) {
      throw new JournalException(file + ": the stored receipt is damaged: " + e.getMessage());
    }
  }

  @Override
  public synchronized Optional<Instant> oldestPendingTime() throws JournalException {
    ensureOpen();
    long next = ackSeq() + 1;
    try (PreparedStatement ps =
        reader.prepareStatement("SELECT header FROM entries WHERE seq = ?")) {
      ps.setLong(1, next);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(EntryHeader.decode(rs.getBytes(1)).timeMillis()));
      }
    } catch (SQLException e) {
      throw unreadable("entry " + next, e);
    } catch (IllegalArgumentException e) {
      throw new JournalException(file + ": entry " + next + " is malformed; run journal verify");
    }
  }

  @Override
  public synchronized void acknowledge(Receipt receipt)
      throws JournalException, ReceiptMismatchException {
    store(receipt, false);
  }

  @Override
  public synchronized void rewind(Receipt receipt)
      throws JournalException, ReceiptMismatchException {
    store(receipt, true);
  }

  @Override
  public synchronized void forgetCursor() throws JournalException {
    ensureOpen();
    try (Connection c = JournalSchema.openForWriting(file, true)) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM local_state WHERE name IN (?, ?)")) {
        ps.setString(1, ACK_SEQ);
        ps.setString(2, RECEIPT);
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw new JournalException(file + ": cannot reset the sync cursor: " + e.getMessage(), e);
    }
  }

  /**
   * Checks {@code receipt} against the chain and stores it with its ackSeq, in one transaction that
   * also reads the stored cursor, so two processes shipping the same journal cannot move it
   * backwards by accident.
   */
  private void store(Receipt receipt, boolean mayRewind)
      throws JournalException, ReceiptMismatchException {
    ensureOpen();
    if (!Arrays.equals(receipt.journalId(), journalId)) {
      throw new ReceiptMismatchException(
          "the receipt is for journal "
              + Hex.of(receipt.journalId())
              + ", not "
              + Hex.of(journalId));
    }
    // Not fsynced per receipt: see JournalSchema.openForReceipts (a drain stores one per batch).
    try (Connection c = JournalSchema.openForReceipts(file)) {
      c.setAutoCommit(false);
      try {
        long last = lastSeq(c);
        if (receipt.ackSeq() < 0 || receipt.ackSeq() > last) {
          throw new ReceiptMismatchException(
              "the receipt acknowledges entry "
                  + receipt.ackSeq()
                  + " but the journal ends at "
                  + last);
        }
        byte[] head = receipt.ackSeq() == 0 ? genesis : hashAt(c, receipt.ackSeq());
        if (!Arrays.equals(head, receipt.head())) {
          throw new ReceiptMismatchException(
              "the receipt's head differs from entry " + receipt.ackSeq() + " of this journal");
        }
        long stored = parseAckSeq(localState(c, ACK_SEQ));
        if (!mayRewind && receipt.ackSeq() < stored) {
          throw new ReceiptMismatchException(
              "the receipt acknowledges entry "
                  + receipt.ackSeq()
                  + ", behind the stored "
                  + stored);
        }
        put(c, ACK_SEQ, Long.toString(receipt.ackSeq()));
        put(c, RECEIPT, ReceiptCodec.toJson(receipt));
        c.commit();
      } catch (ReceiptMismatchException | JournalException | SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new JournalException(file + ": cannot store the receipt: " + e.getMessage(), e);
    }
  }

  private long lastSeq(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM entries");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void put(Connection c, String name, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO local_state (name, value) VALUES (?, ?)"
                + " ON CONFLICT(name) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, name);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  private Optional<String> localState(Connection c, String name) throws JournalException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT value FROM local_state WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw unreadable("local_state " + name, e);
    }
  }

  private long parseAckSeq(Optional<String> value) throws JournalException {
    try {
      long n = value.map(Long::parseLong).orElse(0L);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new JournalException(file + ": the stored sync cursor is damaged");
    }
  }

  private long queryLong(String sql, String what) throws JournalException {
    ensureOpen();
    try (PreparedStatement ps = reader.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw unreadable(what, e);
    }
  }

  private JournalException unreadable(String what, SQLException e) {
    return new JournalException(file + ": cannot read " + what + ": " + e.getMessage(), e);
  }

  private void ensureOpen() throws JournalException {
    if (closed) {
      throw new JournalException(file + ": outbox is closed");
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    closeQuietly(reader);
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException ignored) {
      // read-only connection: nothing to lose
    }
  }
}
