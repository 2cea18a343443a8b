package dev.pindesk.app;

import dev.pindesk.adapters.central.CentralDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import picocli.CommandLine.Option;

/** {@code --db PATH | --jdbc URL}: exactly one, as a picocli exclusive group. */
final class CentralDatabaseOption {
  @Option(
      names = "--db",
      required = true,
      paramLabel = "PATH",
      description = "SQLite database file (created when absent).")
  Path db;

  @Option(
      names = "--jdbc",
      required = true,
      paramLabel = "URL",
      description = "PostgreSQL JDBC URL; user and password in the URL or from PGUSER/PGPASSWORD.")
  String jdbc;

  boolean isJdbc() {
    return jdbc != null;
  }

  /**
   * The migrated database; with {@code mustExist} a missing SQLite file is an error instead of
   * being created (reports must not create empty databases).
   */
  CentralDatabase open(boolean mustExist) throws SQLException {
    if (jdbc != null) {
      return CentralDatabase.jdbc(jdbc);
    }
    if (mustExist && !Files.isRegularFile(db)) {
      throw new SQLException("no central database at " + db);
    }
    return CentralDatabase.sqlite(db);
  }

  /** Where {@code central.crt} goes by default: beside the SQLite file. */
  Path defaultCertificate() {
    Path parent = db.toAbsolutePath().getParent();
    return parent.resolve(dev.pindesk.adapters.central.CentralIdentity.CERT_FILE);
  }
}
