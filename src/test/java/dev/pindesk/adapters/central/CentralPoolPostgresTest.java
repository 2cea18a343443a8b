package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The central's connection pool on a real PostgreSQL (skipped with the reason when none is
 * reachable): connections the server dropped — a restart, a firewall — cost no request.
 */
class CentralPoolPostgresTest {
  private PostgresTestDatabase pg;
  private CentralDatabase db;

  @AfterEach
  void close() throws Exception {
    if (db != null) {
      db.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void connectionsTheServerDroppedAreReplacedBeforeARequestUsesThem() throws Exception {
    pg = PostgresTestDatabase.create("pool");
    db = CentralDatabase.jdbc(pg.url());
    // Several connections idle in the pool, as after a burst of batches.
    for (int i = 0; i < 5; i++) {
      boolean answered = db.read(c -> c.createStatement().execute("SELECT 1"));
      assertThat(answered).isTrue();
    }
    assertThat(db.poolUse().idle()).isPositive();

    assertThat(pg.dropConnections()).as("server connections ended").isPositive();
    Thread.sleep(600); // past the pool's "just used, no need to check" window

    for (int i = 0; i < 5; i++) {
      boolean answered = db.transaction(c -> c.createStatement().execute("SELECT 1"));
      assertThat(answered).as("request %d after the drop", i).isTrue();
    }
    assertThat(db.reachable()).isTrue();
    assertThat(db.poolUse().active()).as("nothing left borrowed").isZero();
  }
}
