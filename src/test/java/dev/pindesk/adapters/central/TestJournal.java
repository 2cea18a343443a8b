package dev.pindesk.adapters.central;

import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.crypto.Sm3;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.crypto.gm.Sm3Chain;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real journal written with {@link SqliteJournalStore} (real keys, SM4-GCM bodies, SM3 chain, SM2
 * checkpoints) and read back as the rows a workstation ships.
 */
record TestJournal(byte[] header, byte[] signature, List<SealedEntry> entries) {
  static final Sm2KeyPair SUPERVISOR = Sm2.generate();

  /** A journal of {@code events} events by {@code keys}, checkpoint every 40, segment every 90. */
  static TestJournal write(Path file, String workstationId, Sm2KeyPair keys, int events)
      throws Exception {
    return write(
        file,
        StoreOptions.of(workstationId, keys, SUPERVISOR.publicKey(), true)
            .withCheckpointEvery(40)
            .withSegmentEntries(90),
        events);
  }

  /** A journal of {@code events} events written with {@code options} (without fsync). */
  static TestJournal write(Path file, StoreOptions options, int events) throws Exception {
    options = options.withoutDurability();
    try (SqliteJournalStore store = SqliteJournalStore.open(file, options)) {
      for (int i = 0; i < events; i++) {
        store.append(event(i));
      }
    }
    return read(file);
  }

  static AuditEvent event(int i) {
    return AuditEvent.caseStep(
        "C-" + (i / 5),
        ServiceKind.values()[i % 3],
        HolderKind.values()[i % 2],
        AuditStep.values()[i % 14],
        i % 7 == 0 ? AuditOutcome.FAILED : AuditOutcome.OK,
        "clerk-07");
  }

  static TestJournal read(Path file) throws Exception {
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      SealedBatch all = outbox.read(0, Integer.MAX_VALUE, Integer.MAX_VALUE);
      return new TestJournal(outbox.header(), outbox.headerSignature(), all.entries());
    }
  }

  /** The 16-byte journal id, from the header's fixed position after magic, version and suite. */
  byte[] journalId() {
    int suiteLength = header[10];
    return Arrays.copyOfRange(header, 11 + suiteLength, 11 + suiteLength + 16);
  }

  String journalHex() {
    return Hex.of(journalId());
  }

  long lastSeq() {
    return entries.size();
  }

  /** {@code h_seq} as stored (h_0 = SM3(header) for 0). */
  byte[] hashAt(long seq) {
    return seq == 0 ? Sm3.digest(header) : entries.get((int) seq - 1).hash();
  }

  /** Entries {@code from..to} with the signed header. */
  SealedBatch batch(long from, long to) {
    return new SealedBatch(header, signature, entries.subList((int) from - 1, (int) to));
  }

  /**
   * This journal with entry {@code seq}'s body changed and every later hash recomputed: a
   * consistent rewritten history (only checkpoint signatures after it would give it away).
   */
  TestJournal rewrittenFrom(long seq) {
    List<SealedEntry> out = new ArrayList<>(entries.subList(0, (int) seq - 1));
    byte[] previous = hashAt(seq - 1);
    for (long n = seq; n <= entries.size(); n++) {
      SealedEntry e = entries.get((int) n - 1);
      byte[] body = e.body().clone();
      if (n == seq) {
        body[body.length - 1] ^= 1;
      }
      byte[] hash = Sm3Chain.link(previous, n, e.header(), body);
      out.add(new SealedEntry(n, e.header(), body, hash));
      previous = hash;
    }
    return new TestJournal(header, signature, List.copyOf(out));
  }

  /** This journal with entry {@code seq}'s body changed but its stored hash kept: a broken link. */
  TestJournal withChangedBody(long seq) {
    List<SealedEntry> out = new ArrayList<>(entries);
    SealedEntry e = out.get((int) seq - 1);
    byte[] body = e.body().clone();
    body[0] ^= 1;
    out.set((int) seq - 1, new SealedEntry(seq, e.header(), body, e.hash()));
    return new TestJournal(header, signature, List.copyOf(out));
  }
}
