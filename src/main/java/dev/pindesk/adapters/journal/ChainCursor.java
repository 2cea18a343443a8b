package dev.pindesk.adapters.journal;

import dev.pindesk.adapters.journal.JournalFile.ProblemException;
import dev.pindesk.adapters.journal.Problem.Kind;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm3Chain;
import dev.pindesk.domain.sync.SealedEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * A journal's chain checked piece by piece, as the central receiver gets it: starts at the genesis
 * of a signed file header (or resumes at a stored head) and accepts entries only in order, applying
 * every rule of docs/journal-format.md "Verification" to each. Needs no private key and never reads
 * a journal file, only the shipped header and rows.
 *
 * <p>Not thread-safe: one cursor per journal and request.
 */
public final class ChainCursor {
  private final JournalHeader header;
  private final ChainWalk walk;
  private final Sm3Chain chain = new Sm3Chain();

  private ChainCursor(JournalHeader header, ChainWalk walk) {
    this.header = header;
    this.walk = walk;
  }

  /**
   * A cursor at the genesis of the journal whose file header is {@code headerBytes}.
   *
   * @throws ChainException when the header is malformed, of an unknown format, or its signature
   *     does not verify with its own workstation key
   */
  public static ChainCursor genesis(byte[] headerBytes, byte[] headerSignature)
      throws ChainException {
    JournalHeader h = checkedHeader(headerBytes, headerSignature);
    return new ChainCursor(h, new ChainWalk(h));
  }

  /**
   * A cursor after entry {@code lastSeq} (stored hash {@code head}, in segment {@code segment},
   * latest checkpoint at {@code lastCheckpointSeq}) of a journal whose header was accepted before.
   */
  public static ChainCursor resume(
      byte[] headerBytes, long lastSeq, byte[] head, long segment, long lastCheckpointSeq)
      throws ChainException {
    JournalHeader h = decode(headerBytes);
    return new ChainCursor(h, new ChainWalk(h, lastSeq, head, segment, lastCheckpointSeq));
  }

  private static JournalHeader checkedHeader(byte[] bytes, byte[] signature) throws ChainException {
    JournalHeader h = decode(bytes);
    if (h.version() != JournalHeader.VERSION || !JournalHeader.SUITE_GM.equals(h.suite())) {
      throw new ChainException(
          new Problem(
              0,
              Kind.UNSUPPORTED,
              "unsupported journal format " + h.version() + " / " + h.suite()));
    }
    ECPublicKeyParameters key;
    try {
      key = h.workstationPublicKey();
    } catch (IllegalArgumentException e) {
      throw new ChainException(
          new Problem(0, Kind.CORRUPT, "the workstation key in the header is not an SM2 key"));
    }
    if (signature == null || !Sm2.verify(key, bytes, signature)) {
      throw new ChainException(
          new Problem(0, Kind.HEADER_SIGNATURE, "the journal header signature is invalid"));
    }
    return h;
  }

  private static JournalHeader decode(byte[] bytes) throws ChainException {
    try {
      JournalHeader h = JournalHeader.decode(bytes);
      h.workstationPublicKey();
      return h;
    } catch (IllegalArgumentException e) {
      throw new ChainException(
          new Problem(0, Kind.CORRUPT, "the journal header is damaged (" + e.getMessage() + ")"));
    }
  }

  /**
   * Accepts entry {@code seq}; on any problem nothing changes and the problem is thrown.
   *
   * @throws ChainException naming the entry and the rule it breaks (missing, foreign, malformed,
   *     chain, segment, checkpoint)
   */
  public void accept(long seq, byte[] entryHeader, byte[] body, byte[] hash) throws ChainException {
    try {
      walk.visit(seq, entryHeader, body, hash, chain);
    } catch (ProblemException e) {
      throw new ChainException(e.problem);
    }
  }

  /**
   * Accepts {@code entries} in order, as {@link #accept} one by one would, but with their SM3 links
   * computed on every core first ({@link RowBatch} says why that gives the same verdict). On a
   * problem the cursor stays after the last good entry and the problem is thrown.
   */
  public void acceptAll(List<SealedEntry> entries) throws ChainException {
    List<RowBatch> batches =
        new ArrayList<>((entries.size() + RowBatch.CAPACITY - 1) / RowBatch.CAPACITY);
    byte[] previous = walk.head();
    RowBatch current = null;
    for (SealedEntry e : entries) {
      if (current == null || current.full()) {
        current = new RowBatch();
        current.previousHash = previous;
        current.checkpoints = walk.checkpointSignatures();
        batches.add(current);
      }
      current.add(e.seq(), e.header(), e.body(), e.hash());
      previous = e.hash();
    }
    if (batches.size() > 1) {
      batches.parallelStream().forEach(RowBatch::link);
    } else {
      batches.forEach(RowBatch::link);
    }
    try {
      for (RowBatch b : batches) {
        walk.visit(b);
      }
    } catch (ProblemException e) {
      throw new ChainException(e.problem);
    }
  }

  /**
   * Accepts the entries of {@code links} from index {@code from} on (the ones before it are already
   * stored), with their links computed ahead. The first entry accepted is linked here, from this
   * cursor's head.
   */
  public void acceptAll(ChainLinks links, int from) throws ChainException, InterruptedException {
    int index = 0;
    boolean first = true;
    try {
      for (RowBatch b : links.await()) {
        int start = Math.max(0, from - index);
        if (start < b.size) {
          if (first) {
            b.linked[start] = b.links(new Sm3Chain(), walk.head(), start, new byte[32]);
            first = false;
          }
          walk.visit(b, start);
        }
        index += b.size;
      }
    } catch (ProblemException e) {
      throw new ChainException(e.problem);
    }
  }

  /** The journal id (16 bytes) named in the header. */
  public byte[] journalId() {
    return header.journalId().clone();
  }

  /** The workstation id written in the header. */
  public String workstationId() {
    return header.workstationId();
  }

  /** The workstation public key named (and, for {@link #genesis}, proven) by the header. */
  public ECPublicKeyParameters workstationKey() {
    return header.workstationPublicKey();
  }

  /** True when the journal was written in training mode. */
  public boolean training() {
    return header.training();
  }

  /** The last accepted sequence number (0 at genesis). */
  public long lastSeq() {
    return walk.lastSeq();
  }

  /** {@code h_lastSeq} ({@code h_0} at genesis). */
  public byte[] head() {
    return walk.head().clone();
  }

  /** The segment of the last accepted entry (0 at genesis). */
  public long segment() {
    return walk.segment();
  }

  /** The seq of the latest checkpoint accepted or resumed from (0 for none). */
  public long lastCheckpointSeq() {
    return walk.lastCheckpointSeq;
  }

  /** True when {@code key} is the workstation key of this journal. */
  public boolean signedBy(ECPublicKeyParameters key) {
    return Sm2.samePoint(key, header.workstationPublicKey());
  }

  /** The genesis hash {@code h_0} of a header, or empty when it is not a journal header. */
  public static Optional<byte[]> genesisOf(byte[] headerBytes) {
    try {
      return Optional.of(JournalHeader.decode(headerBytes).genesis());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A rule of the journal format broken by shipped data. */
  public static final class ChainException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    ChainException(Problem problem) {
      super(problem.describe(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }
}
