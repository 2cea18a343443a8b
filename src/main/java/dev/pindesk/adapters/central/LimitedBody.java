package dev.pindesk.adapters.central;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not pass {@code limit} bytes. Past it, reading stops with {@link
 * TooLarge}, after the rest of the body was read and discarded up to {@code drainLimit} (so a
 * client still sending gets the 413 instead of a reset connection); a body larger still is left
 * unread and the connection is to be closed.
 *
 * <p>A connection that ends before the body does is an {@link IOException}, never an {@link
 * EOFException}: Jetty reports it as one ({@code EofException}), and a batch decoder takes an
 * {@code EOFException} for a batch cut short by its sender, i.e. malformed, which a dropped link is
 * not.
 *
 * <p>A body arriving slower than {@code minRate} bytes a second, on average since its first read
 * and after a grace second, stops with {@link TooSlow} (ADR 0031: a client trickling a byte every
 * few seconds would otherwise hold its request thread until the request timeout).
 */
final class LimitedBody extends FilterInputStream {
  private static final long GRACE_NANOS = 1_000_000_000L;

  private final long limit;
  private final long drainLimit;
  private final long minRate;
  private final long startNanos = System.nanoTime();
  private long count;

  LimitedBody(InputStream in, long limit, long drainLimit, long minRate) {
    super(in);
    this.limit = limit;
    this.drainLimit = drainLimit;
    this.minRate = minRate;
  }

  @Override
  public int read() throws IOException {
    int b;
    try {
      b = super.read();
    } catch (EOFException e) {
      throw connectionEnded(e);
    }
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = super.read(buffer, offset, length);
    } catch (EOFException e) {
      throw connectionEnded(e);
    }
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped;
    try {
      skipped = super.skip(n);
    } catch (EOFException e) {
      throw connectionEnded(e);
    }
    counted(skipped);
    return skipped;
  }

  private static IOException connectionEnded(EOFException e) {
    return new IOException("the connection ended before the request body did", e);
  }

  private void counted(long n) throws IOException {
    count += n;
    if (minRate > 0) {
      long elapsed = System.nanoTime() - startNanos - GRACE_NANOS;
      if (elapsed > 0 && count < minRate * elapsed / 1_000_000_000L) {
        throw new TooSlow();
      }
    }
    if (count > limit) {
      throw new TooLarge(!drained());
    }
  }

  /**
   * Reads and discards the rest of the body up to the drain limit; false when the body goes on past
   * it or the connection failed (then it is to be closed). Never throws.
   */
  boolean discardRest() {
    try {
      return drained();
    } catch (IOException e) {
      return false; // the connection is going anyway; the answer is sent if it still can be
    }
  }

  /** Reads the rest up to the drain limit; false when the body goes on past it. */
  private boolean drained() throws IOException {
    byte[] sink = new byte[65536];
    int n;
    try {
      while ((n = in.read(sink)) > 0) {
        count += n;
        if (count > drainLimit) {
          return false;
        }
      }
    } catch (EOFException e) {
      return false; // the connection ended mid-body; it is going anyway
    }
    return true;
  }

  /** The body passed the limit; {@link #close()} says whether to close the connection. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean close;

    TooLarge(boolean close) {
      super("request body too large");
      this.close = close;
    }

    boolean close() {
      return close;
    }
  }

  /** The body arrived slower than the minimum rate; the connection is to be closed. */
  static final class TooSlow extends IOException {
    private static final long serialVersionUID = 1L;

    TooSlow() {
      super("request body slower than the minimum rate");
    }
  }
}
