package dev.pindesk.adapters.central;

import dev.pindesk.testing.PostgresTestDatabase;
import java.nio.file.Path;

/**
 * The store contract (with pipelining) on PostgreSQL (skipped with the reason when none is
 * reachable).
 */
class CentralStorePostgresTest extends CentralPipeliningContract {
  private PostgresTestDatabase pg;

  @Override
  CentralDatabase open(Path dir) throws Exception {
    pg = PostgresTestDatabase.create("store");
    return CentralDatabase.jdbc(pg.url());
  }

  @Override
  void closeExtra() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }
}
