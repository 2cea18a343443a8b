package dev.pindesk.it.sync;

import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.testing.PostgresTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * The fault suite with the central on a real PostgreSQL (a fresh database per test; skipped with
 * the reason when no server is reachable, failed instead when {@code PINDESK_REQUIRE_PG=1}).
 */
class SyncFaultPostgresIT extends SyncFaultContract {
  private PostgresTestDatabase pg;

  @Override
  CentralDatabase database(Path dir) throws Exception {
    pg = PostgresTestDatabase.create("sync");
    return CentralDatabase.jdbc(pg.url());
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }
}
