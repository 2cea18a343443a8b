package dev.pindesk.adapters.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The SQLite layout of a journal file (docs/journal-format.md, "SQLite layout"): {@code
 * journal_meta} (the file header, its signature and the latest-checkpoint pointer), {@code entries}
 * (the authenticated chain) and {@code local_state} (bookkeeping such as the sync cursor, outside
 * the chain and never trusted by a verifier).
 */
final class JournalSchema {
  /** {@code PRAGMA application_id}: ASCII "PDJ1". */
  static final int APPLICATION_ID = 0x50444A31;

  /** How much of a journal a read-only scan maps into memory (the rest is read normally). */
  static final long MMAP_BYTES = 16L << 20;

  private JournalSchema() {}

  /** A read-write connection in WAL mode with {@code synchronous=FULL} (OFF when not durable). */
  static Connection openForWriting(Path file, boolean durable) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(
        durable ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.OFF);
    config.setBusyTimeout(5000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /**
   * A read-write connection in WAL mode with {@code synchronous=NORMAL}: always consistent, but a
   * power cut may undo its last commits. For the sync cursor and receipt only, never for entries: a
   * receipt lost that way is fetched again from the central at the next start, and the entries it
   * covered are sent again and recognised there as already stored.
   */
  static Connection openForReceipts(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(5000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /**
   * A read-only connection (verification, export): never changes the file. Tuned for one sequential
   * scan: the file is memory-mapped (no copy into SQLite's page cache), a modest page cache,
   * temporary data in memory, and {@code query_only} as a second guard against writes.
   */
  static Connection openReadOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    config.setBusyTimeout(5000);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-8192);
    config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(MMAP_BYTES));
    Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA query_only = 1");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  static void create(Connection c, byte[] header, byte[] headerSignature) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
      s.executeUpdate("PRAGMA user_version = 1");
      s.executeUpdate(
          "CREATE TABLE journal_meta (id INTEGER PRIMARY KEY CHECK (id = 1),"
              + " header BLOB NOT NULL, header_sig BLOB NOT NULL,"
              + " last_checkpoint_seq INTEGER, last_checkpoint BLOB)");
      s.executeUpdate(
          "CREATE TABLE entries (seq INTEGER PRIMARY KEY, header BLOB NOT NULL,"
              + " body BLOB NOT NULL, hash BLOB NOT NULL)");
      s.executeUpdate("CREATE TABLE local_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
    }
    try (var insert =
        c.prepareStatement("INSERT INTO journal_meta (id, header, header_sig) VALUES (1, ?, ?)")) {
      insert.setBytes(1, header);
      insert.setBytes(2, headerSignature);
      insert.executeUpdate();
    }
  }

  static boolean exists(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='journal_meta'")) {
      return rs.next() && rs.getInt(1) == 1;
    }
  }
}
