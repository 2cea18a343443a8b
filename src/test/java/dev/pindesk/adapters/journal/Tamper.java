package dev.pindesk.adapters.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL edits of a journal file, as an attacker with the file would make them. */
final class Tamper implements AutoCloseable {
  final Connection c;

  private Tamper(Path file) throws SQLException {
    c = DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  static Tamper copyOf(Path pristine, Path to) throws Exception {
    Files.copy(pristine, to, StandardCopyOption.REPLACE_EXISTING);
    return new Tamper(to);
  }

  byte[] column(long seq, String column) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + column + " FROM entries WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }

  void set(long seq, String column, byte[] value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE entries SET " + column + " = ? WHERE seq = ?")) {
      ps.setBytes(1, value);
      ps.setLong(2, seq);
      ps.executeUpdate();
    }
  }

  void flip(long seq, String column, int offset) throws SQLException {
    byte[] v = column(seq, column);
    v[offset] ^= 0x01;
    set(seq, column, v);
  }

  void sql(String statement, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  /** Sequence numbers of entries of {@code kind}. */
  List<Long> seqsOf(EntryKind kind) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT seq, header FROM entries ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (EntryHeader.decode(rs.getBytes(2)).kind() == kind) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  long lastSeq() throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT max(seq) FROM entries")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
