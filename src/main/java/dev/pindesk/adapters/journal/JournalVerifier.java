package dev.pindesk.adapters.journal;

import dev.pindesk.adapters.journal.JournalFile.ProblemException;
import dev.pindesk.adapters.journal.Problem.Kind;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.sync.Receipt;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * {@code journal verify}: checks a journal file with nothing but the file (and optionally the
 * expected workstation key). Never throws for bad input: every failure is a {@link Problem}.
 */
public final class JournalVerifier {
  private JournalVerifier() {}

  /** Verifies {@code file}; {@code expectedKey} pins the workstation key when present. */
  public static VerifyReport verify(Path file, Optional<ECPublicKeyParameters> expectedKey) {
    return verify(file, expectedKey, Optional.empty());
  }

  /**
   * Verifies {@code file} and, when it holds a central receipt, anchors the chain to it; {@code
   * centralCert} (the pinned {@code central.crt}) also checks the receipt's signature.
   */
  public static VerifyReport verify(
      Path file,
      Optional<ECPublicKeyParameters> expectedKey,
      Optional<X509Certificate> centralCert) {
    try (JournalFile journal = JournalFile.open(file)) {
      return verify(journal, expectedKey, centralCert);
    } catch (ProblemException e) {
      return VerifyReport.failed(e.problem);
    }
  }

  static VerifyReport verify(JournalFile journal, Optional<ECPublicKeyParameters> expectedKey) {
    return verify(journal, expectedKey, Optional.empty());
  }

  static VerifyReport verify(
      JournalFile journal,
      Optional<ECPublicKeyParameters> expectedKey,
      Optional<X509Certificate> centralCert) {
    JournalHeader header = journal.header;
    JournalInfo info = JournalInfo.of(header);
    if (header.version() != JournalHeader.VERSION
        || !JournalHeader.SUITE_GM.equals(header.suite())) {
      return VerifyReport.failed(
          new Problem(
              0,
              Kind.UNSUPPORTED,
              "unsupported journal format " + header.version() + " / suite " + header.suite()));
    }
    ChainWalk walk;
    try {
      walk = new ChainWalk(header);
    } catch (IllegalArgumentException e) {
      return VerifyReport.failed(
          new Problem(0, Kind.CORRUPT, "the workstation key in the header is not an SM2 key"));
    }
    ECPublicKeyParameters key = header.workstationPublicKey();
    if (journal.headerSignature == null
        || !Sm2.verify(key, header.encode(), journal.headerSignature)) {
      return VerifyReport.failed(
          new Problem(0, Kind.HEADER_SIGNATURE, "the journal header signature is invalid"));
    }
    if (expectedKey.isPresent() && !Sm2.samePoint(expectedKey.get(), key)) {
      return VerifyReport.failed(
          new Problem(0, Kind.UNEXPECTED_KEY, "the journal is signed by another workstation key"));
    }
    Problem problem = null;
    Optional<Receipt> receipt = Optional.empty();
    try (LinkPipeline pipeline = new LinkPipeline(walk, header.genesis())) {
      journal.forEachBatch(pipeline);
      pipeline.finish();
      problem = checkPointer(journal, walk);
      if (problem == null) {
        receipt = ReceiptAnchor.stored(journal);
        if (receipt.isPresent()) {
          ReceiptAnchor.check(journal, receipt.get(), walk.lastSeq(), centralCert);
        }
      }
    } catch (ProblemException e) {
      problem = e.problem;
    }
    long entries = problem == null ? walk.lastSeq() : Math.max(0, problem.seq() - 1);
    if (problem != null && problem.kind() == Kind.RECEIPT) {
      entries = walk.lastSeq();
    }
    Optional<Receipt> anchor = receipt;
    return new VerifyReport(
        entries,
        walk.checkpoints,
        walk.events,
        walk.lastSeq() - walk.lastCheckpointSeq,
        Hex.of(walk.head()),
        info,
        problem,
        anchor.map(r -> new VerifyReport.Anchor(r.ackSeq(), r.at(), centralCert.isPresent())));
  }

  /**
   * The header's pointer names the latest checkpoint ever written. If the entries end before it,
   * the end was cut off; if it differs from the last checkpoint found, something was rewritten.
   */
  private static Problem checkPointer(JournalFile journal, ChainWalk walk) {
    long last = walk.lastSeq();
    if (journal.pointerSeq > last) {
      return new Problem(
          last + 1,
          Kind.TRUNCATED,
          "missing: the journal ends before its latest checkpoint (entry "
              + journal.pointerSeq
              + ")");
    }
    boolean same =
        journal.pointerSeq == walk.lastCheckpointSeq
            && (journal.pointerBody == null
                ? walk.lastCheckpointBody == null
                : Arrays.equals(journal.pointerBody, walk.lastCheckpointBody));
    if (!same) {
      long at = Math.max(journal.pointerSeq, walk.lastCheckpointSeq);
      return new Problem(
          at, Kind.CHECKPOINT, "checkpoint does not match the header's latest-checkpoint record");
    }
    return null;
  }
}
