package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.testing.PostgresTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server itself restarted in the middle of a drain (issue 19): the workstation's
 * batches meet a server going down, down and coming back, the receiver answers {@code 503} (never a
 * wrong receipt), the workstation sends again as it does, and in the end every entry is stored
 * exactly once with the chain whole. Unlike {@link CentralPoolPostgresTest}, which ends the
 * server's connections, this restarts the server process.
 *
 * <p>Restarts the server of {@code PINDESK_PG_URL}: every connection to it ends, other databases'
 * too. The command is {@code PINDESK_PG_RESTART} when set, else {@code pg_ctlcluster VERSION NAME
 * restart} for the local Debian cluster on the URL's port (as root, else through {@code sudo -n}).
 * Skipped with the reason when PostgreSQL is not configured; with {@code PINDESK_REQUIRE_PG=1} (CI)
 * a server it cannot restart fails the test instead.
 */
class CentralPostgresRestartTest {
  private static final int BATCH = 500;
  private static final int ENTRIES = 12_000;

  @TempDir Path dir;

  @Test
  void aPostgresRestartMidDrainCostsRetriesButNoEntryAndNoDuplicate() throws Exception {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create("restart")) {
      List<String> restart = restartCommand();
      Sm2KeyPair keys = Sm2.generate();
      TestJournal j = TestJournal.write(dir.resolve("journal.db"), "WS-RESTART", keys, ENTRIES);
      try (CentralDatabase db = CentralDatabase.jdbc(pg.url())) {
        CentralStore store = new CentralStore(db);
        store.enroll(keys.publicKey(), Optional.empty(), System.currentTimeMillis());
        CentralIdentity identity = CentralIdentity.loadOrCreate(dir.resolve("central.crt"));
        CentralMetrics metrics = CentralMetrics.of(db);
        try (CentralServer server =
            CentralServer.start(store, identity, CentralServer.Options.loopback(0), metrics)) {
          TestCentralClient client =
              new TestCentralClient(server.uri(), identity.certificateFile());
          Drain drain = drain(client, keys, j, restart);

          assertThat(drain.restartedBeforeTheEnd)
              .as("the restart ended while batches were still to be sent")
              .isTrue();
          assertThat(store.entries(j.journalHex(), 0, Long.MAX_VALUE)).hasSize((int) j.lastSeq());
          assertThat(CentralStats.collect(store))
              .singleElement()
              .satisfies(
                  s -> {
                    assertThat(s.chainOk()).isTrue();
                    assertThat(s.headSeq()).isEqualTo(j.lastSeq());
                  });
          TestCentralClient.Response health =
              client.send("GET", SyncProtocol.HEALTH, null, Map.of());
          assertThat(health.status()).isEqualTo(200);
          assertThat(db.poolUse().active()).as("nothing left borrowed").isZero();
          // Every batch was answered with a receipt in the end, each stored once.
          String text = metrics.scrape();
          assertThat(text)
              .contains("pindesk_central_entries_stored_total " + (double) j.lastSeq())
              .contains("pindesk_central_refusals_total{reason=\"fork\"} 0.0")
              .contains("pindesk_central_refusals_total{reason=\"chain\"} 0.0");
          System.out.println(
              "PostgreSQL restart mid-drain: "
                  + drain.retries
                  + " requests sent again ("
                  + drain.failures
                  + "), restart took "
                  + drain.restartMillis
                  + " ms");
        }
      }
    }
  }

  /** What the drain went through. */
  private record Drain(
      boolean restartedBeforeTheEnd, int retries, List<String> failures, long restartMillis) {}

  /**
   * Sends the journal in batches as a workstation does: a batch not answered with a receipt (503, a
   * broken connection) is sent again after a pause; {@code gap} resends from where the central
   * says. The server restarts once a quarter of the batches are in; the last batch waits for the
   * restart to have ended, so some are sent before, during and after it.
   */
  private static Drain drain(
      TestCentralClient client, Sm2KeyPair keys, TestJournal j, List<String> restart)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    long trigger = j.lastSeq() / 4;
    CompletableFuture<Long> restarting = null;
    boolean restartedBeforeTheEnd = false;
    int retries = 0;
    List<String> failures = new ArrayList<>();
    long from = 1;
    while (from <= j.lastSeq()) {
      assertThat(System.nanoTime()).as("drained within 3 minutes").isLessThan(deadline);
      long to = Math.min(j.lastSeq(), from + BATCH - 1);
      if (restarting == null && from > trigger) {
        restarting = CompletableFuture.supplyAsync(() -> run(restart));
      }
      if (to == j.lastSeq() && restarting != null) {
        restarting.get(2, TimeUnit.MINUTES); // the last batch goes to the restarted server
        restartedBeforeTheEnd = true;
      }
      TestCentralClient.Response r;
      try {
        r = client.post(keys, j.batch(from, to));
      } catch (IOException e) {
        failures.add(e.getClass().getSimpleName());
        retries++;
        Thread.sleep(200);
        continue;
      }
      if (r.status() == 200) {
        Receipt receipt = ReceiptCodec.fromJson(r.json());
        assertThat(receipt.ackSeq()).isEqualTo(to);
        assertThat(receipt.head()).isEqualTo(j.hashAt(to));
        from = to + 1;
      } else if ("gap".equals(r.error())) {
        from = r.json().path("expectedFrom").asLong();
      } else {
        assertThat(r.status())
            .as("only 'unavailable' may be answered: %s", r.json())
            .isEqualTo(503);
        failures.add(String.valueOf(r.status()));
        retries++;
        Thread.sleep(200);
      }
    }
    long restartMillis = restarting == null ? -1 : restarting.get(2, TimeUnit.MINUTES);
    return new Drain(restartedBeforeTheEnd, retries, failures, restartMillis);
  }

  /** Runs the restart; its duration in ms. */
  private static long run(List<String> command) {
    long start = System.nanoTime();
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new AssertionError(String.join(" ", command) + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * {@code PINDESK_PG_RESTART} split at spaces, else {@code pg_ctlcluster} for the local cluster on
   * the URL's port. No way to restart: skipped with the reason, or failed under {@code
   * PINDESK_REQUIRE_PG=1}.
   */
  private static List<String> restartCommand() {
    String given = System.getenv("PINDESK_PG_RESTART");
    if (given != null && !given.isBlank()) {
      return List.of(given.strip().split("\\s+"));
    }
    String url = System.getenv().getOrDefault("PINDESK_PG_URL", "jdbc:postgresql://localhost/");
    String why;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?").matcher(url);
    if (!m.find()) {
      why = "PINDESK_PG_URL names no host";
    } else if (!List.of("localhost", "127.0.0.1", "[::1]").contains(m.group(1))) {
      why = "the server at " + m.group(1) + " is not on this machine";
    } else {
      String port = m.group(2) == null ? "5432" : m.group(2);
      Optional<List<String>> cluster = localCluster(port);
      if (cluster.isPresent()) {
        List<String> command = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
          command.addAll(List.of("sudo", "-n"));
        }
        command.add("pg_ctlcluster");
        command.addAll(cluster.get());
        command.add("restart");
        return command;
      }
      why = "no local PostgreSQL cluster on port " + port + " (pg_lsclusters)";
    }
    String reason = "cannot restart PostgreSQL: " + why + "; set PINDESK_PG_RESTART to a command";
    if ("1".equals(System.getenv("PINDESK_REQUIRE_PG"))) {
      Assertions.fail(reason + " — required because PINDESK_REQUIRE_PG=1");
    }
    Assumptions.abort(reason);
    return List.of();
  }

  /** The version and name of the Debian cluster on {@code port}, from {@code pg_lsclusters -h}. */
  private static Optional<List<String>> localCluster(String port) {
    try {
      Process p = new ProcessBuilder("pg_lsclusters", "-h").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      return out.lines()
          .map(l -> l.strip().split("\\s+"))
          .filter(f -> f.length >= 4 && f[2].equals(port) && f[3].equals("online"))
          .map(f -> Arrays.asList(f[0], f[1]))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
