package dev.pindesk.adapters.journal;

import dev.pindesk.adapters.journal.Problem.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A journal opened read-only for verification or export: its header and the latest-checkpoint
 * pointer, and its entries in sequence order. Anything that makes the file unusable is a {@link
 * ProblemException} carrying a {@link Problem} at seq 0.
 */
final class JournalFile implements AutoCloseable {
  private final Connection connection;
  final JournalHeader header;
  final byte[] headerSignature;
  final long pointerSeq;
  final byte[] pointerBody;

  /** One entry row as stored. */
  record Row(long seq, byte[] header, byte[] body, byte[] hash) {}

  /** Receives rows in order; returns false to stop. */
  interface RowVisitor {
    boolean visit(Row row) throws ProblemException;
  }

  /** Receives batches of rows in order; throws to stop. */
  interface BatchSink {
    void accept(RowBatch batch) throws ProblemException;
  }

  /** A problem that ends reading. */
  static final class ProblemException extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    ProblemException(Problem problem) {
      super(problem.describe(), null, false, false);
      this.problem = problem;
    }
  }

  private JournalFile(Connection c, JournalHeader h, byte[] sig, long pSeq, byte[] pBody) {
    this.connection = c;
    this.header = h;
    this.headerSignature = sig;
    this.pointerSeq = pSeq;
    this.pointerBody = pBody;
  }

  static JournalFile open(Path file) throws ProblemException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ProblemException(new Problem(0, Kind.UNREADABLE, file + ": no such readable file"));
    }
    Connection c = null;
    try {
      c = JournalSchema.openReadOnly(file);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA application_id")) {
        if (!rs.next()
            || rs.getInt(1) != JournalSchema.APPLICATION_ID
            || !JournalSchema.exists(c)) {
          throw notAJournal(file, "an SQLite database, but not a PinDesk journal");
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT header, header_sig, last_checkpoint_seq, last_checkpoint"
                      + " FROM journal_meta WHERE id = 1")) {
        if (!rs.next()) {
          throw new ProblemException(
              new Problem(0, Kind.CORRUPT, file + ": the journal header is missing"));
        }
        JournalHeader header = JournalHeader.decode(rs.getBytes(1));
        return new JournalFile(c, header, rs.getBytes(2), rs.getLong(3), rs.getBytes(4));
      }
    } catch (ProblemException e) {
      closeQuietly(c);
      throw e;
    } catch (IllegalArgumentException e) {
      closeQuietly(c);
      throw new ProblemException(
          new Problem(
              0, Kind.CORRUPT, file + ": the journal header is damaged (" + e.getMessage() + ")"));
    } catch (SQLException e) {
      closeQuietly(c);
      String m = String.valueOf(e.getMessage());
      if (m.contains("NOTADB") || m.contains("not a database")) {
        throw notAJournal(file, "not an SQLite database");
      }
      throw new ProblemException(new Problem(0, Kind.CORRUPT, file + ": " + unreadable(e)));
    }
  }

  /** One line for a read failure; a damaged or cut-off file gets a plain explanation. */
  private static String unreadable(SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_CORRUPT") || m.contains("malformed")) {
      return "the file is damaged or truncated (SQLite: database disk image is malformed)";
    }
    return "the journal cannot be read (" + m + ")";
  }

  private static ProblemException notAJournal(Path file, String why) {
    return new ProblemException(
        new Problem(0, Kind.NOT_A_JOURNAL, file + ": not a PinDesk journal (" + why + ")"));
  }

  /** Visits every entry in sequence order until {@code visitor} returns false. */
  void forEach(RowVisitor visitor) throws ProblemException {
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT seq, header, body, hash FROM entries ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Row row = new Row(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4));
        if (row.header() == null || row.body() == null || row.hash() == null) {
          throw new ProblemException(
              new Problem(row.seq(), Kind.MALFORMED, "a column of the entry is empty"));
        }
        if (!visitor.visit(row)) {
          return;
        }
      }
    } catch (SQLException e) {
      throw new ProblemException(
          new Problem(0, Kind.CORRUPT, "the entries cannot be read (" + e.getMessage() + ")"));
    }
  }

  /**
   * Streams every entry in sequence order to {@code sink} in batches of {@link RowBatch#CAPACITY}
   * (forward-only cursor, one copy of each column). A row with an empty column or a read failure
   * ends the stream: it is put in the last batch's {@link RowBatch#end} so it is reported only
   * after the rows before it were checked, as a row-by-row walk would.
   */
  void forEachBatch(BatchSink sink) throws ProblemException {
    RowBatch batch = new RowBatch();
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT seq, header, body, hash FROM entries ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long seq = rs.getLong(1);
        byte[] header = rs.getBytes(2);
        byte[] body = rs.getBytes(3);
        byte[] hash = rs.getBytes(4);
        if (header == null || body == null || hash == null) {
          batch.end =
              new ProblemException(
                  new Problem(seq, Kind.MALFORMED, "a column of the entry is empty"));
          break;
        }
        batch.add(seq, header, body, hash);
        if (batch.full()) {
          sink.accept(batch);
          batch = new RowBatch();
        }
      }
    } catch (SQLException e) {
      batch.end =
          new ProblemException(
              new Problem(0, Kind.CORRUPT, "the entries cannot be read: " + unreadable(e)));
    }
    sink.accept(batch);
  }

  /** A value of {@code local_state} (unauthenticated bookkeeping), if the table and row exist. */
  java.util.Optional<String> localState(String name) throws ProblemException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT value FROM local_state WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? java.util.Optional.ofNullable(rs.getString(1))
            : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("no such table")) {
        return java.util.Optional.empty();
      }
      throw new ProblemException(
          new Problem(0, Kind.CORRUPT, "local_state cannot be read (" + e.getMessage() + ")"));
    }
  }

  /** The stored hash of entry {@code seq}, or empty when there is no such entry. */
  java.util.Optional<byte[]> storedHash(long seq) throws ProblemException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT hash FROM entries WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? java.util.Optional.ofNullable(rs.getBytes(1))
            : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw new ProblemException(
          new Problem(seq, Kind.CORRUPT, "the entry cannot be read (" + e.getMessage() + ")"));
    }
  }

  @Override
  public void close() {
    closeQuietly(connection);
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
