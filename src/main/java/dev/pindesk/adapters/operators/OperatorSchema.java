package dev.pindesk.adapters.operators;

import dev.pindesk.domain.operator.OperatorException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates and upgrades the operator table; the version lives in {@code PRAGMA user_version}. */
final class OperatorSchema {
  private OperatorSchema() {}

  static void migrate(Connection connection, Path file) throws SQLException {
    int version = userVersion(connection);
    if (version > SqliteOperatorDirectory.SCHEMA_VERSION) {
      // A newer PinDesk wrote this file: do not guess at its layout.
      throw new OperatorException(
          OperatorException.Reason.STORE_FAILED,
          file + " (schema " + version + " is newer than this PinDesk)");
    }
    if (version == 0) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement s = connection.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS operators ("
                + " id TEXT PRIMARY KEY NOT NULL,"
                + " display_name TEXT NOT NULL,"
                + " role TEXT NOT NULL CHECK (role IN ('CLERK', 'SUPERVISOR')),"
                + " active INTEGER NOT NULL CHECK (active IN (0, 1)),"
                + " password_phc TEXT NOT NULL,"
                + " created_at TEXT NOT NULL)");
        s.execute("PRAGMA user_version = " + SqliteOperatorDirectory.SCHEMA_VERSION);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  static int userVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA user_version")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }
}
