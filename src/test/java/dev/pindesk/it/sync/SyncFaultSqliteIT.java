package dev.pindesk.it.sync;

import dev.pindesk.adapters.central.CentralDatabase;
import java.nio.file.Path;

/** The fault suite with the central on SQLite (the default store). */
class SyncFaultSqliteIT extends SyncFaultContract {
  @Override
  CentralDatabase database(Path dir) throws Exception {
    return CentralDatabase.sqlite(
        java.nio.file.Files.createDirectories(dir.resolve("central")).resolve("central.db"));
  }
}
