package dev.pindesk.domain.sync;

import java.util.OptionalLong;

/**
 * An exchange with the central system failed: {@link #failure()} says why and whether retrying
 * helps; a {@link CentralFailure#GAP} carries the seq the central expects next.
 */
public final class CentralException extends Exception {
  private static final long serialVersionUID = 1L;
  private final CentralFailure failure;
  private final long expectedFrom;

  public CentralException(CentralFailure failure, String detail) {
    this(failure, detail, 0, null);
  }

  public CentralException(CentralFailure failure, String detail, Throwable cause) {
    this(failure, detail, 0, cause);
  }

  /** A refusal naming the seq the central expects next ({@code gap}); 0 for none. */
  public CentralException(
      CentralFailure failure, String detail, long expectedFrom, Throwable cause) {
    super(failure.wireName() + ": " + detail, cause);
    this.failure = failure;
    this.expectedFrom = expectedFrom;
  }

  public CentralFailure failure() {
    return failure;
  }

  /** For a gap: the first seq the central does not hold yet. */
  public OptionalLong expectedFrom() {
    return expectedFrom > 0 ? OptionalLong.of(expectedFrom) : OptionalLong.empty();
  }
}
