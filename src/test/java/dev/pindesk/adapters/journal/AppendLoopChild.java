package dev.pindesk.adapters.journal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child JVM of {@link JournalCrashTest}: appends forever and prints {@code ack N} once append N
 * returned, until it is killed.
 */
public final class AppendLoopChild {
  private AppendLoopChild() {}

  public static void main(String[] args) throws Exception {
    Path journal = Path.of(args[0]);
    Path keys = Path.of(args[1]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
    StoreOptions options =
        new StoreOptions(
            "WS-CRASH-01",
            KeyFiles.workstation(keys),
            KeyFiles.publicKey(keys.resolve(KeyFiles.SUPERVISOR_PUB)),
            7,
            40,
            true,
            java.time.Clock.systemUTC(),
            true);
    SqliteJournalStore store = SqliteJournalStore.open(journal, options);
    out.println("open " + store.lastSeq());
    out.flush();
    for (int i = 0; ; i++) {
      long seq = store.append(TestJournals.event(i));
      out.println("ack " + seq);
      out.flush();
    }
  }
}
