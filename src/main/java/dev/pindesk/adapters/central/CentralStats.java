package dev.pindesk.adapters.central;

import dev.pindesk.adapters.journal.ChainCursor;
import dev.pindesk.adapters.journal.ChainCursor.ChainException;
import dev.pindesk.domain.sync.SealedEntry;
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
 * What the central holds, per journal (and per enrolled workstation that has sent none): for {@code
 * central stats}. {@code chainOk} means: the stored entries re-verify from the genesis of the
 * stored signed header with every rule of the journal format, end exactly at the stored head, and
 * no {@code fork} or {@code chain} refusal for the journal is newer than its last accepted batch
 * (an accepted batch continues the central's head, which proves the workstation is back on the
 * central's history). A workstation without a journal is chainOk unless it has such a refusal.
 */
public final class CentralStats {
  private CentralStats() {}

  /**
   * One line of the statistics.
   *
   * @param id the journal header's workstation id, else the enrolled name, else the key id
   * @param journalId 32 hex digits, or empty for a workstation that has sent no journal
   * @param lastReceiptMillis when the head last moved (Unix ms), 0 when no receipt was given
   * @param refusals refusals recorded for the workstation key (all codes)
   * @param revokedMillis when the workstation key was revoked (Unix ms), 0 while it may send
   */
  public record JournalStats(
      String id,
      String keyId,
      String journalId,
      long entries,
      long headSeq,
      boolean chainOk,
      long lastReceiptMillis,
      long refusals,
      long revokedMillis) {
    public Optional<Instant> lastReceiptAt() {
      return lastReceiptMillis == 0
          ? Optional.empty()
          : Optional.of(Instant.ofEpochMilli(lastReceiptMillis));
    }

    public Optional<Instant> revokedAt() {
      return revokedMillis == 0
          ? Optional.empty()
          : Optional.of(Instant.ofEpochMilli(revokedMillis));
    }
  }

  /** Statistics of every enrolled workstation and journal, ordered by id. */
  public static List<JournalStats> collect(CentralStore store) throws SQLException {
    CentralDatabase db = store.database();
    return db.read(c -> collect(c, db.vendor() == CentralDatabase.Vendor.POSTGRESQL));
  }

  /** One row of workstations left-joined with journals. */
  private record Row(
      String keyId,
      String name,
      String journalId,
      String workstationId,
      long headSeq,
      long lastReceipt,
      byte[] header,
      byte[] signature,
      byte[] headHash,
      long refusals,
      long revokedAt) {}

  private static List<JournalStats> collect(Connection c, boolean streamInTransaction)
      throws SQLException {
    List<JournalStats> out = new ArrayList<>();
    for (Row r : rows(c)) {
      if (r.journalId() == null) {
        boolean ok = unresolvedForKey(c, r.keyId()) == 0;
        String id = r.name() != null ? r.name() : r.keyId();
        out.add(new JournalStats(id, r.keyId(), "", 0, 0, ok, 0, r.refusals(), r.revokedAt()));
        continue;
      }
      Verified v = verify(c, r, streamInTransaction);
      boolean ok = v.ok() && unresolvedForJournal(c, r.journalId(), r.lastReceipt()) == 0;
      out.add(
          new JournalStats(
              r.workstationId(),
              r.keyId(),
              r.journalId(),
              v.entries(),
              r.headSeq(),
              ok,
              r.lastReceipt(),
              r.refusals(),
              r.revokedAt()));
    }
    out.sort(
        java.util.Comparator.comparing(JournalStats::id).thenComparing(JournalStats::journalId));
    return out;
  }

  private static List<Row> rows(Connection c) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT w.key_id, w.name, j.journal_id, j.workstation_id, j.head_seq,"
                    + " j.last_receipt_at, j.header, j.header_sig, j.head_hash,"
                    + " (SELECT count(*) FROM refusals r WHERE r.key_id = w.key_id),"
                    + " w.revoked_at"
                    + " FROM workstations w LEFT JOIN journals j ON j.key_id = w.key_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getBytes(7),
                rs.getBytes(8),
                rs.getBytes(9),
                rs.getLong(10),
                rs.getLong(11)));
      }
    }
    return rows;
  }

  private record Verified(long entries, boolean ok) {}

  /** Re-walks the stored entries of one journal with {@link ChainCursor} from its genesis. */
  private static Verified verify(Connection c, Row r, boolean streamInTransaction)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    if (streamInTransaction) {
      c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
    }
    long count = 0;
    boolean ok = true;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT entries FROM entry_blocks WHERE journal_id = ? ORDER BY first_seq")) {
      ps.setFetchSize(4);
      ps.setString(1, r.journalId());
      ChainCursor cursor = ChainCursor.genesis(r.header(), r.signature());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<SealedEntry> block = CentralStore.block(r.journalId(), rs.getBytes(1));
          count += block.size();
          if (ok) {
            try {
              cursor.acceptAll(block);
            } catch (ChainException e) {
              ok = false;
            }
          }
        }
      }
      ok = ok && cursor.lastSeq() == r.headSeq() && Arrays.equals(cursor.head(), r.headHash());
    } catch (ChainException e) {
      ok = false;
    } finally {
      if (streamInTransaction) {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    }
    return new Verified(count, ok);
  }

  private static long unresolvedForJournal(Connection c, String journalId, long lastAccepted)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM refusals WHERE journal_id = ? AND code IN ('fork', 'chain')"
                + " AND at >= ?")) {
      ps.setString(1, journalId);
      ps.setLong(2, lastAccepted);
      return single(ps);
    }
  }

  private static long unresolvedForKey(Connection c, String keyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM refusals WHERE key_id = ? AND code IN ('fork', 'chain')")) {
      ps.setString(1, keyId);
      return single(ps);
    }
  }

  private static long single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
