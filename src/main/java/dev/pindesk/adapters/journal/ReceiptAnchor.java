package dev.pindesk.adapters.journal;

import dev.pindesk.adapters.journal.JournalFile.ProblemException;
import dev.pindesk.adapters.journal.Problem.Kind;
import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.domain.sync.Receipt;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The central receipt as an external anchor of a verified chain (docs/sync-protocol.md,
 * "Workstation bookkeeping"): entries 1..ackSeq were stored centrally with head {@code h_ackSeq},
 * so a journal that now ends earlier was cut, and one whose {@code h_ackSeq} differs was rewritten
 * — even when its checkpoints were cut or rewritten consistently with it.
 */
final class ReceiptAnchor {
  private ReceiptAnchor() {}

  /** The stored receipt, or empty when the journal was never acknowledged. */
  static Optional<Receipt> stored(JournalFile journal) throws ProblemException {
    Optional<String> json = journal.localState(JournalOutbox.RECEIPT);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ReceiptCodec.fromJson(json.get()));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          new Problem(0, Kind.RECEIPT, "the stored central receipt is damaged"));
    }
  }

  /**
   * Checks the chain (already verified up to {@code lastSeq}) against the stored receipt; {@code
   * centralCert} also checks its signature.
   */
  static void check(
      JournalFile journal, Receipt r, long lastSeq, Optional<X509Certificate> centralCert)
      throws ProblemException {
    if (!Arrays.equals(r.journalId(), journal.header.journalId())) {
      throw new ProblemException(
          new Problem(0, Kind.RECEIPT, "the stored central receipt is for another journal"));
    }
    if (centralCert.isPresent() && !ReceiptCodec.verify(r, centralCert.get())) {
      throw new ProblemException(
          new Problem(
              0,
              Kind.RECEIPT,
              "the stored central receipt's signature does not verify with the central"
                  + " certificate"));
    }
    if (r.ackSeq() > lastSeq) {
      throw new ProblemException(
          new Problem(
              lastSeq + 1,
              Kind.TRUNCATED,
              "missing: the journal ends before entry "
                  + r.ackSeq()
                  + " that the central receipt of "
                  + r.at()
                  + " acknowledges"));
    }
    byte[] head =
        r.ackSeq() == 0
            ? journal.header.genesis()
            : journal.storedHash(r.ackSeq()).orElse(new byte[0]);
    if (!Arrays.equals(head, r.head())) {
      throw new ProblemException(
          new Problem(
              r.ackSeq(),
              Kind.CHAIN,
              "the chain differs from the head in the central receipt of " + r.at()));
    }
  }
}
