package dev.pindesk.adapters.cardservice;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A byte buffer whose content can be wiped and lent without a copy: a request body that carries a
 * PIN is written into it, sent from it, and wiped after sending.
 */
final class WipeableBytes extends ByteArrayOutputStream {
  WipeableBytes() {
    super(512);
  }

  /** The buffer itself (valid up to {@link #size()}); not a copy. */
  byte[] buffer() {
    return buf;
  }

  /** Growing copies the buffer: the old array is wiped before it is dropped. */
  @Override
  public synchronized void write(byte[] b, int off, int len) {
    ensure(len);
    super.write(b, off, len);
  }

  @Override
  public synchronized void write(int b) {
    ensure(1);
    super.write(b);
  }

  private void ensure(int more) {
    if (count + more > buf.length) {
      byte[] bigger = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
      Arrays.fill(buf, (byte) 0);
      buf = bigger;
    }
  }

  void wipe() {
    Arrays.fill(buf, (byte) 0);
    count = 0;
  }
}
