package dev.pindesk.cli.central;

import dev.pindesk.cli.common.CentralServices;
import dev.pindesk.cli.common.CentralServices.Database;
import dev.pindesk.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
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
  Database open(boolean mustExist, Messages messages, CentralServices central)
      throws CentralCli.Unusable {
    if (jdbc != null) {
      try {
        return central.jdbc(jdbc);
      } catch (CentralServices.DatabaseFailure e) {
        throw new CentralCli.Unusable(failed(e, messages, central));
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
      return central.sqlite(db);
    } catch (CentralServices.DatabaseFailure e) {
      throw new CentralCli.Unusable(failed(e, messages, central));
    }
  }

  /** A failure of the open database, as one translated line. */
  String failed(CentralServices.DatabaseFailure e, Messages messages, CentralServices central) {
    return messages.get("cli.central.databaseFailed", describe(central), e.getMessage());
  }

  /** The database for messages: the SQLite file, or the JDBC URL without its query. */
  String describe(CentralServices central) {
    return jdbc != null ? central.redacted(jdbc) : db.toString();
  }

  /** Where {@code central.crt} goes by default: beside the SQLite file. */
  Path defaultCertificate(CentralServices central) {
    Path parent = db.toAbsolutePath().getParent();
    return parent.resolve(central.certificateFileName());
  }
}
