package dev.pindesk.adapters.central;

import java.nio.file.Path;

/** The HTTPS contract on an SQLite file. */
class CentralHttpSqliteTest extends CentralHttpContract {
  @Override
  CentralDatabase open(Path dir) throws Exception {
    return CentralDatabase.sqlite(dir.resolve("central.db"));
  }
}
