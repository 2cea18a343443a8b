package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The central's transactions on SQLite: a failure is reported as itself. */
class CentralDatabaseTest {
  @TempDir Path dir;

  /**
   * SQLite rolls a transaction back by itself on some errors (a full disk: SQLITE_FULL). Restoring
   * auto-commit afterwards then failed with "cannot commit - no transaction is active", and that
   * was what the central logged instead of "database or disk is full" (seen on a full tmpfs).
   */
  @Test
  void aTransactionSQLiteAlreadyRolledBackReportsItsOwnFailure() throws Exception {
    try (CentralDatabase db = CentralDatabase.sqlite(dir.resolve("central.db"))) {
      assertThatThrownBy(
              () ->
                  db.transaction(
                      c -> {
                        try (Statement s = c.createStatement()) {
                          s.execute("ROLLBACK"); // as SQLite does on SQLITE_FULL
                        }
                        throw new SQLException("[SQLITE_FULL] database or disk is full");
                      }))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("disk is full");

      // The connection went back to the pool usable: the next transaction works.
      CentralDatabase.Work<Integer, SQLException> one =
          c -> {
            try (Statement s = c.createStatement()) {
              return s.executeQuery("SELECT 1").getInt(1);
            }
          };
      int answer = db.transaction(one);
      assertThat(answer).isEqualTo(1);
    }
  }
}
