package dev.pindesk.adapters.central;

import dev.pindesk.testing.PostgresTestDatabase;
import java.nio.file.Path;

/** The HTTPS contract on PostgreSQL (skipped with the reason when none is reachable). */
class CentralHttpPostgresTest extends CentralHttpContract {
  private PostgresTestDatabase pg;

  @Override
  CentralDatabase open(Path dir) throws Exception {
    pg = PostgresTestDatabase.create("http");
    return CentralDatabase.jdbc(pg.url());
  }

  @Override
  void closeExtra() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }
}
