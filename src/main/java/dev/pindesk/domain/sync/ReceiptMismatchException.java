package dev.pindesk.domain.sync;

/**
 * A signed receipt that does not describe this journal's history (another journal, beyond its end,
 * another chain head, or a step backwards): the central holds something else than the workstation
 * wrote. Never stored; syncing stops until a person looks.
 */
public final class ReceiptMismatchException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReceiptMismatchException(String detail) {
    super(detail);
  }
}
