package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm3Chain;
import dev.pindesk.domain.audit.JournalException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Where a writer resumes: creates a new journal, or checks an existing one belongs to this
 * workstation and keys and re-walks its chain from the latest checkpoint, so that entries changed
 * while PinDesk was not running are refused rather than sealed by the next checkpoint.
 */
record JournalTail(
    byte[] journalId, long lastSeq, byte[] head, long lastSegment, long lastCheckpointSeq) {

  static JournalTail openOrCreate(Path file, Connection c, StoreOptions options)
      throws SQLException, JournalException {
    if (!JournalSchema.exists(c)) {
      return create(c, options);
    }
    JournalHeader header;
    long pointerSeq;
    byte[] pointerBody;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT header, last_checkpoint_seq, last_checkpoint FROM journal_meta"
                    + " WHERE id = 1")) {
      if (!rs.next()) {
        throw new JournalException(file + ": journal has no header");
      }
      header = JournalHeader.decode(rs.getBytes(1));
      pointerSeq = rs.getLong(2);
      pointerBody = rs.getBytes(3);
    } catch (IllegalArgumentException e) {
      throw new JournalException(file + ": journal header is damaged: " + e.getMessage());
    }
    if (!Arrays.equals(
        header.workstationKey(), Sm2.encodePoint(options.workstationKeys().publicKey()))) {
      throw new JournalException(file + ": journal belongs to another workstation key");
    }
    if (!Arrays.equals(header.supervisorKey(), Sm2.encodePoint(options.supervisorKey()))) {
      throw new JournalException(file + ": journal was started for another supervisor key");
    }
    if (!header.workstationId().equals(options.workstationId())) {
      throw new JournalException(
          file + ": journal belongs to workstation " + header.workstationId());
    }
    long from = 1;
    byte[] head = header.genesis();
    if (pointerBody != null) {
      CheckpointBody cp = CheckpointBody.decode(pointerBody);
      from = pointerSeq;
      head = cp.head();
    }
    return walk(file, c, header, from, head, pointerSeq);
  }

  private static JournalTail walk(
      Path file, Connection c, JournalHeader header, long from, byte[] head, long checkpointSeq)
      throws SQLException, JournalException {
    long expected = from;
    long segment = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seq, header, body, hash FROM entries WHERE seq >= ? ORDER BY seq")) {
      ps.setLong(1, from);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long n = rs.getLong(1);
          byte[] entryHeader = rs.getBytes(2);
          byte[] hash = Sm3Chain.link(head, n, entryHeader, rs.getBytes(3));
          if (n != expected || !Arrays.equals(hash, rs.getBytes(4))) {
            throw new JournalException(
                file + ": entry " + expected + " does not match the chain; run journal verify");
          }
          segment = EntryHeader.decode(entryHeader).segment();
          head = hash;
          expected++;
        }
      }
    } catch (IllegalArgumentException e) {
      throw new JournalException(
          file + ": entry " + expected + " is malformed; run journal verify");
    }
    if (expected <= checkpointSeq) {
      throw new JournalException(file + ": journal ends before its latest checkpoint");
    }
    return new JournalTail(header.journalId(), expected - 1, head, segment, checkpointSeq);
  }

  private static JournalTail create(Connection c, StoreOptions options) throws SQLException {
    byte[] id = new byte[JournalHeader.JOURNAL_ID_LENGTH];
    new SecureRandom().nextBytes(id);
    JournalHeader header =
        new JournalHeader(
            JournalHeader.VERSION,
            JournalHeader.SUITE_GM,
            id,
            options.clock().millis(),
            options.training(),
            options.checkpointEvery(),
            options.workstationId(),
            Sm2.encodePoint(options.workstationKeys().publicKey()),
            Sm2.encodePoint(options.supervisorKey()));
    byte[] encoded = header.encode();
    byte[] signature = Sm2.sign(options.workstationKeys().privateKey(), encoded);
    c.setAutoCommit(false);
    JournalSchema.create(c, encoded, signature);
    c.commit();
    c.setAutoCommit(true);
    return new JournalTail(id, 0, header.genesis(), 0, 0);
  }
}
