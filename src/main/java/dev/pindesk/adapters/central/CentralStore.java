package dev.pindesk.adapters.central;

import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.domain.sync.SealedEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The central's tables over JDBC (the same SQL on SQLite and PostgreSQL): enrolled workstations,
 * journals with their head, entries, refusals and nonces. Methods taking a {@link Connection} run
 * inside the caller's transaction; the others open their own.
 */
public final class CentralStore {
  /** Rows per JDBC batch when inserting entries. */
  private final CentralDatabase db;

  public CentralStore(CentralDatabase db) {
    this.db = db;
  }

  public CentralDatabase database() {
    return db;
  }

  /** An enrolled workstation key; {@code revokedAt} is empty while it may send. */
  public record Workstation(
      String keyId,
      byte[] publicKey,
      Optional<String> name,
      long enrolledAt,
      Optional<Instant> revokedAt) {
    public ECPublicKeyParameters key() {
      return Sm2.decodePoint(publicKey);
    }
  }

  /** Outcome of {@link #revoke}. */
  public enum Revocation {
    REVOKED,
    ALREADY_REVOKED,
    NOT_ENROLLED
  }

  /**
   * Revokes the key {@code keyId} (a stolen or retired workstation): its requests are refused from
   * now on; what it sent stays, and so does its row, so that it cannot be enrolled again.
   */
  public Revocation revoke(String keyId, long nowMillis) throws SQLException {
    return db.transaction(
        c -> {
          Optional<Workstation> w = workstation(c, keyId);
          if (w.isEmpty()) {
            return Revocation.NOT_ENROLLED;
          }
          if (w.get().revokedAt().isPresent()) {
            return Revocation.ALREADY_REVOKED;
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE workstations SET revoked_at = ? WHERE key_id = ?")) {
            ps.setLong(1, nowMillis);
            ps.setString(2, keyId);
            ps.executeUpdate();
          }
          return Revocation.REVOKED;
        });
  }

  /** Outcome of {@link #enroll}: the workstation and whether it was new. */
  public record Enrolment(Workstation workstation, boolean created) {}

  /**
   * Enrols {@code key} (idempotent: the same key again keeps its row; a different {@code name}
   * replaces the old one). A revoked key is returned as it is, still revoked: see {@link
   * Workstation#revokedAt()}.
   */
  public Enrolment enroll(ECPublicKeyParameters key, Optional<String> name, long nowMillis)
      throws SQLException {
    String keyId = RequestAuth.keyId(key);
    byte[] point = Sm2.encodePoint(key);
    return db.transaction(
        c -> {
          Optional<Workstation> existing = workstation(c, keyId);
          if (existing.isPresent()) {
            Workstation w = existing.get();
            if (name.isPresent() && !name.equals(w.name()) && w.revokedAt().isEmpty()) {
              try (PreparedStatement ps =
                  c.prepareStatement("UPDATE workstations SET name = ? WHERE key_id = ?")) {
                ps.setString(1, name.get());
                ps.setString(2, keyId);
                ps.executeUpdate();
              }
              return new Enrolment(
                  new Workstation(keyId, point, name, w.enrolledAt(), Optional.empty()), false);
            }
            return new Enrolment(w, false);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workstations (key_id, public_key, name, enrolled_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, keyId);
            ps.setBytes(2, point);
            ps.setString(3, name.orElse(null));
            ps.setLong(4, nowMillis);
            ps.executeUpdate();
          }
          return new Enrolment(
              new Workstation(keyId, point, name, nowMillis, Optional.empty()), true);
        });
  }

  /** The enrolled workstation with {@code keyId} (revoked or not), or empty. */
  public Optional<Workstation> workstation(String keyId) throws SQLException {
    return db.read(c -> workstation(c, keyId));
  }

  static Optional<Workstation> workstation(Connection c, String keyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT public_key, name, enrolled_at, revoked_at FROM workstations"
                + " WHERE key_id = ?")) {
      ps.setString(1, keyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long revoked = rs.getLong(4);
        Optional<Instant> revokedAt =
            rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
        return Optional.of(
            new Workstation(
                keyId,
                rs.getBytes(1),
                Optional.ofNullable(rs.getString(2)),
                rs.getLong(3),
                revokedAt));
      }
    }
  }

  /**
   * Remembers {@code nonce} of {@code keyId}; false when it was remembered already (a replay).
   * Concurrent duplicates are decided by the primary key, not by a read first.
   */
  public boolean rememberNonce(String keyId, String nonce, long requestMillis) throws SQLException {
    return db.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO nonces (key_id, nonce, at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (key_id, nonce) DO NOTHING")) {
            ps.setString(1, keyId);
            ps.setString(2, nonce);
            ps.setLong(3, requestMillis);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /** Forgets nonces of requests signed before {@code beforeMillis}; returns how many. */
  public int purgeNonces(long beforeMillis) throws SQLException {
    return db.transaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM nonces WHERE at < ?")) {
            ps.setLong(1, beforeMillis);
            return ps.executeUpdate();
          }
        });
  }

  /** One row of the refusal log. Absent parts are empty strings / -1. */
  public record RefusalRow(
      long at, String keyId, String journalId, String code, long seq, String detail) {}

  /** Appends to the refusal log. */
  public void recordRefusal(RefusalRow r) throws SQLException {
    db.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO refusals (at, key_id, journal_id, code, seq, detail)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, r.at());
            setOptionalText(ps, 2, r.keyId());
            setOptionalText(ps, 3, r.journalId());
            ps.setString(4, r.code());
            if (r.seq() >= 0) {
              ps.setLong(5, r.seq());
            } else {
              ps.setNull(5, Types.BIGINT);
            }
            ps.setString(6, r.detail());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The refusal log, oldest first (for tests and operators). */
  public List<RefusalRow> refusals() throws SQLException {
    return db.read(
        c -> {
          List<RefusalRow> rows = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT at, key_id, journal_id, code, seq, detail FROM refusals ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              long seq = rs.getLong(5);
              rows.add(
                  new RefusalRow(
                      rs.getLong(1),
                      nonNull(rs.getString(2)),
                      nonNull(rs.getString(3)),
                      rs.getString(4),
                      rs.wasNull() ? -1 : seq,
                      rs.getString(6)));
            }
          }
          return rows;
        });
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static void setOptionalText(PreparedStatement ps, int i, String s) throws SQLException {
    if (s == null || s.isEmpty()) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, s);
    }
  }

  /** The stored state of {@code journalId} (hex), read outside a transaction. */
  public Optional<JournalRow> journal(String journalId) throws SQLException {
    return db.read(c -> JournalRows.find(c, journalId, false));
  }

  /** Entries {@code from..to} of a journal as stored, in seq order. */
  public List<SealedEntry> entries(String journalId, long from, long to) throws SQLException {
    return db.read(c -> entries(c, journalId, from, to));
  }

  static List<SealedEntry> entries(Connection c, String journalId, long from, long to)
      throws SQLException {
    List<SealedEntry> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT entries FROM entry_blocks"
                + " WHERE journal_id = ? AND last_seq >= ? AND first_seq <= ? ORDER BY first_seq")) {
      ps.setString(1, journalId);
      ps.setLong(2, from);
      ps.setLong(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          for (SealedEntry e : block(journalId, rs.getBytes(1))) {
            if (e.seq() >= from && e.seq() <= to) {
              out.add(e);
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Stores {@code entries} (consecutive, all above the journal's head) as one block: a batch's new
   * entries are written as the one value they arrived in, not row by row, so storing a drain costs
   * about what writing its bytes to a file does.
   */
  static void insertEntries(
      Connection c, String journalId, List<SealedEntry> entries, long receivedAt)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO entry_blocks (journal_id, first_seq, last_seq, entries, received_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, journalId);
      ps.setLong(2, entries.get(0).seq());
      ps.setLong(3, entries.get(entries.size() - 1).seq());
      ps.setBytes(4, BatchCodec.encodeEntries(entries));
      ps.setLong(5, receivedAt);
      ps.executeUpdate();
    }
  }

  /** The entries of one stored block. */
  static List<SealedEntry> block(String journalId, byte[] bytes) throws SQLException {
    try {
      return BatchCodec.decodeEntries(bytes);
    } catch (IllegalArgumentException e) {
      throw new SQLException("journal " + journalId + ": stored entry block unreadable", e);
    }
  }
}
