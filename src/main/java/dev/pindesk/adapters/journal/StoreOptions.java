package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.gm.Sm2KeyPair;
import java.time.Clock;
import java.util.Objects;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * How a workstation writes its journal: who it is, its signing key, whom it encrypts for, and how
 * often it checkpoints ({@code checkpointEvery} entries) and changes data key ({@code
 * segmentEntries} entries; also at every start). {@code durable} is true at the counter.
 */
public record StoreOptions(
    String workstationId,
    Sm2KeyPair workstationKeys,
    ECPublicKeyParameters supervisorKey,
    int checkpointEvery,
    int segmentEntries,
    boolean training,
    Clock clock,
    boolean durable) {
  public static final int DEFAULT_CHECKPOINT_EVERY = 1000;
  public static final int DEFAULT_SEGMENT_ENTRIES = 10_000;

  public StoreOptions {
    Objects.requireNonNull(workstationId, "workstationId");
    Objects.requireNonNull(workstationKeys, "workstationKeys");
    Objects.requireNonNull(supervisorKey, "supervisorKey");
    Objects.requireNonNull(clock, "clock");
    if (!workstationId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("workstationId: 1..64 of [A-Za-z0-9._-]");
    }
    if (checkpointEvery < 1 || segmentEntries < 1) {
      throw new IllegalArgumentException("checkpointEvery and segmentEntries must be >= 1");
    }
  }

  /** Defaults: checkpoint every 1000 entries, new data key every 10,000, system UTC clock. */
  public static StoreOptions of(
      String workstationId,
      Sm2KeyPair workstationKeys,
      ECPublicKeyParameters supervisorKey,
      boolean training) {
    return new StoreOptions(
        workstationId,
        workstationKeys,
        supervisorKey,
        DEFAULT_CHECKPOINT_EVERY,
        DEFAULT_SEGMENT_ENTRIES,
        training,
        Clock.systemUTC(),
        true);
  }

  public StoreOptions withCheckpointEvery(int n) {
    return new StoreOptions(
        workstationId, workstationKeys, supervisorKey, n, segmentEntries, training, clock, durable);
  }

  public StoreOptions withSegmentEntries(int n) {
    return new StoreOptions(
        workstationId,
        workstationKeys,
        supervisorKey,
        checkpointEvery,
        n,
        training,
        clock,
        durable);
  }

  public StoreOptions withClock(Clock c) {
    return new StoreOptions(
        workstationId,
        workstationKeys,
        supervisorKey,
        checkpointEvery,
        segmentEntries,
        training,
        c,
        durable);
  }

  /**
   * Without durability ({@code synchronous=OFF}): only for generating training and benchmark
   * journals, never at the counter.
   */
  public StoreOptions withoutDurability() {
    return new StoreOptions(
        workstationId,
        workstationKeys,
        supervisorKey,
        checkpointEvery,
        segmentEntries,
        training,
        clock,
        false);
  }
}
