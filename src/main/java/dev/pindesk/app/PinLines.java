package dev.pindesk.app;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.pin.PinPolicy;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits candidate PINs read from a stream into lines without ever making a {@link String} of them:
 * characters go through a {@code char[]} buffer into a {@code char[]} line of 6, and a line of
 * exactly 6 digits becomes a {@link Pin}; both arrays are wiped after each line and at the end. A
 * line ends at {@code \n} (a {@code \r} before it is dropped); a last line without one counts; a
 * byte-order mark at the start (Notepad writes one) is skipped.
 */
final class PinLines {
  /** What each line is, in input order. */
  interface Sink {
    /** A line of exactly 6 digits; {@code pin} is closed when this returns. */
    void sixDigits(Pin pin) throws IOException;

    /** Any other line (empty, shorter, longer, not digits). */
    void notSixDigits() throws IOException;
  }

  private static final int BUFFER = 4096;

  private final char[] buffer = new char[BUFFER];
  private final char[] line = new char[PinPolicy.LENGTH];
  private int length;
  private boolean digits = true;
  private boolean carriageReturn;
  private boolean pending;

  private PinLines() {}

  /** Reads {@code in} to its end, calling {@code sink} once per line. */
  static void read(Reader in, Sink sink) throws IOException {
    new PinLines().readAll(in, sink);
  }

  private void readAll(Reader in, Sink sink) throws IOException {
    try {
      boolean first = true;
      int n;
      while ((n = in.read(buffer)) != -1) {
        for (int i = 0; i < n; i++) {
          char c = buffer[i];
          if (first && c == '\uFEFF') {
            first = false;
            continue;
          }
          first = false;
          accept(c, sink);
        }
        Secrets.wipe(buffer);
      }
      if (pending || carriageReturn) {
        carriageReturn = false;
        endLine(sink);
      }
    } finally {
      Secrets.wipe(buffer, line);
    }
  }

  private void accept(char c, Sink sink) throws IOException {
    if (c == '\n') {
      carriageReturn = false;
      endLine(sink);
      return;
    }
    if (carriageReturn) {
      carriageReturn = false;
      add('\r'); // a lone \r is part of the line, and not a digit
    }
    if (c == '\r') {
      carriageReturn = true;
      pending = true;
    } else {
      add(c);
    }
  }

  private void add(char c) {
    pending = true;
    if (length < line.length) {
      line[length] = c;
    }
    length++;
    digits &= c >= '0' && c <= '9';
  }

  private void endLine(Sink sink) throws IOException {
    try {
      if (length == line.length && digits) {
        try (Pin pin = Pin.of(line)) {
          sink.sixDigits(pin);
        }
      } else {
        sink.notSixDigits();
      }
    } finally {
      Secrets.wipe(line);
      length = 0;
      digits = true;
      pending = false;
    }
  }
}
