package dev.pindesk.adapters.central;

import java.nio.file.Path;

/** The store contract (with pipelining) on an SQLite file. */
class CentralStoreSqliteTest extends CentralPipeliningContract {
  @Override
  CentralDatabase open(Path dir) throws Exception {
    return CentralDatabase.sqlite(dir.resolve("central.db"));
  }
}
