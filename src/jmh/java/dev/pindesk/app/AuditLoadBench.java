package dev.pindesk.app;

import dev.pindesk.domain.audit.ChainStatus;
import dev.pindesk.service.audit.AuditCases;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

/**
 * What opening a journal in the audit window costs: {@code AuditLoadBench JOURNAL SUPERVISOR_P12
 * [ROUNDS]} reads it as the window does (verify, decrypt with the supervisor key, group into
 * cases; a training key store needs no passphrase) and prints the time per round and the heap the
 * cases keep once loaded (after a full GC). Not a JMH benchmark: one load is seconds long and its
 * memory is the point.
 */
public final class AuditLoadBench {
  private AuditLoadBench() {}

  public static void main(String[] args) throws Exception {
    Path journal = Path.of(args[0]);
    Path key = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int round = 1; round <= rounds; round++) {
      System.gc();
      long before = memory.getHeapMemoryUsage().getUsed();
      long t0 = System.nanoTime();
      AuditCases cases = new AuditCases();
      ChainStatus status = new SupervisorJournalReader().read(journal, key, new char[0], cases::add);
      var list = cases.cases();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.gc();
      long kept = memory.getHeapMemoryUsage().getUsed() - before;
      System.out.printf(
          "round %d: %,d entries, %,d cases, valid=%s, %,d ms (%,.0f entries/s), cases keep %,d MB%n",
          round,
          status.entries(),
          list.size(),
          status.valid(),
          ms,
          status.entries() * 1000.0 / Math.max(1, ms),
          kept / (1024 * 1024));
      if (list.isEmpty()) {
        throw new IllegalStateException("no case read");
      }
    }
  }
}
