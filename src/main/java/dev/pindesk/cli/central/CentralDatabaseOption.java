package dev.pindesk.cli.central;

import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.i18n.Messages;
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
   *
   * @throws CentralCli.Unusable with a translated line saying what to check
   */
  CentralDatabase open(boolean mustExist, Messages messages) throws CentralCli.Unusable {
    if (jdbc != null) {
      try {
        return CentralDatabase.jdbc(jdbc);
      } catch (SQLException e) {
        throw new CentralCli.Unusable(failed(e, messages));
      }
    }
    Path parent = db.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CentralCli.Unusable(messages.get("cli.central.noDirectory", parent));
    }
    if (mustExist && !Files.isRegularFile(db)) {
      throw new CentralCli.Unusable(messages.get("cli.central.noDatabase", db));
    }
    try {
      return CentralDatabase.sqlite(db);
    } catch (SQLException e) {
      throw new CentralCli.Unusable(failed(e, messages));
    }
  }

  /** A failure of the open database, as one translated line. */
  String failed(SQLException e, Messages messages) {
    return messages.get("cli.central.databaseFailed", describe(), e.getMessage());
  }

  /** The database for messages: the SQLite file, or the JDBC URL without its query. */
  String describe() {
    return jdbc != null ? CentralDatabase.redacted(jdbc) : db.toString();
  }

  /** Where {@code central.crt} goes by default: beside the SQLite file. */
  Path defaultCertificate() {
    Path parent = db.toAbsolutePath().getParent();
    return parent.resolve(dev.pindesk.adapters.central.CentralIdentity.CERT_FILE);
  }
}
