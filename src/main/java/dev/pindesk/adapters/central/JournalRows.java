package dev.pindesk.adapters.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** SQL of the {@code journals} table, inside the caller's transaction. */
final class JournalRows {
  private static final String COLUMNS =
      "journal_id, key_id, workstation_id, header, header_sig, head_seq, head_hash, segment,"
          + " last_checkpoint_seq, last_receipt_at";

  private JournalRows() {}

  /**
   * The row of {@code journalId}; with {@code forUpdate} on PostgreSQL it stays locked until the
   * transaction ends, so two receivers on one database apply a journal's batches one at a time
   * (SQLite's {@code BEGIN IMMEDIATE} already serialises writers).
   */
  static Optional<JournalRow> find(Connection c, String journalId, boolean forUpdate)
      throws SQLException {
    boolean lock = forUpdate && isPostgres(c);
    String sql =
        "SELECT " + COLUMNS + " FROM journals WHERE journal_id = ?" + (lock ? " FOR UPDATE" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, journalId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new JournalRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBytes(4),
                rs.getBytes(5),
                rs.getLong(6),
                rs.getBytes(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10)));
      }
    }
  }

  /** Registers a journal unless another transaction just did; true when this one did. */
  static boolean insert(Connection c, JournalRow r, long now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO journals ("
                + COLUMNS
                + ", registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (journal_id) DO NOTHING")) {
      ps.setString(1, r.journalId());
      ps.setString(2, r.keyId());
      ps.setString(3, r.workstationId());
      ps.setBytes(4, r.header());
      ps.setBytes(5, r.headerSignature());
      ps.setLong(6, r.headSeq());
      ps.setBytes(7, r.headHash());
      ps.setLong(8, r.segment());
      ps.setLong(9, r.lastCheckpointSeq());
      ps.setLong(10, r.lastReceiptAt());
      ps.setLong(11, now);
      return ps.executeUpdate() == 1;
    }
  }

  /** Moves the head after new entries were inserted. */
  static void moveHead(
      Connection c,
      String journalId,
      long headSeq,
      byte[] headHash,
      long segment,
      long lastCheckpointSeq,
      long at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE journals SET head_seq = ?, head_hash = ?, segment = ?,"
                + " last_checkpoint_seq = ?, last_receipt_at = ? WHERE journal_id = ?")) {
      ps.setLong(1, headSeq);
      ps.setBytes(2, headHash);
      ps.setLong(3, segment);
      ps.setLong(4, lastCheckpointSeq);
      ps.setLong(5, at);
      ps.setString(6, journalId);
      if (ps.executeUpdate() != 1) {
        throw new SQLException("journal " + journalId + " vanished while its batch was applied");
      }
    }
  }

  private static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
  }
}
