package dev.pindesk.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill -9} of the workstation in the middle of shipping: the {@code sync} command runs in a
 * child JVM against the real central and is killed at random moments (mid-request, mid-receipt,
 * mid-cursor-write) several times; a last run completes. The central holds every entry once.
 */
class SyncKillIT {
  private static final Logger LOG = LoggerFactory.getLogger(SyncKillIT.class);

  @TempDir Path dir;

  private Process sync(SyncWorld world) throws Exception {
    List<String> command = ChildJvm.onTestClasspath(dir, "dev.pindesk.app.Launcher");
    command.add("sync");
    command.add("--journal");
    command.add(world.journal.toString());
    command.add("--central");
    command.add("https://localhost:" + world.centralPort());
    command.add("--central-cert");
    command.add(world.identity.certificateFile().toString());
    command.add("--keys");
    command.add(world.keys.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("sync.log").toFile())
        .start();
  }

  @Test
  void killingTheWorkstationMidBatchLosesAndDuplicatesNothing() throws Exception {
    Path centralDir = java.nio.file.Files.createDirectories(dir.resolve("central"));
    try (SyncWorld world =
        new SyncWorld(dir, CentralDatabase.sqlite(centralDir.resolve("central.db")), false)) {
      world.append(30_000);
      world.closeWriter();
      long seed = Long.getLong("pindesk.faultSeed", System.nanoTime());
      Random random = new Random(seed);
      int killed = 0;
      for (int round = 0; round < 6; round++) {
        Process p = sync(world);
        long wait = 700 + random.nextInt(1500);
        if (!p.waitFor(wait, TimeUnit.MILLISECONDS)) {
          p.destroyForcibly().waitFor();
          killed++;
        }
      }
      Process last = sync(world);
      assertThat(last.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(last.exitValue()).as("last sync run, seed " + seed).isZero();
      LOG.info("kill -9 test: {} runs killed (seed {})", killed, seed);
      assertThat(killed).as("seed " + seed).isPositive();
      SyncFaultContract.assertCentralHoldsExactlyTheJournal(world);
    }
  }
}
