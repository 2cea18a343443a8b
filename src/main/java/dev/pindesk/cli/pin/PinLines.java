package dev.pindesk.cli.pin;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.pin.PinPolicy;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits candidate PINs read from a stream into lines without ever making a {@link String} of them:
 * bytes go through a buffer into a {@code char[]} line of 6, and a line of exactly 6 digits becomes
 * a {@link Pin}; the buffer is wiped after each read, the line after each line. No decoder sits in
 * between (an {@code InputStreamReader} would keep copies in buffers nobody can wipe): digits are
 * ASCII in every encoding PinDesk accepts (UTF-8), and any other byte, a multi-byte character's
 * included, is simply not a digit. A line ends at {@code \n} (a {@code \r} before it is dropped); a
 * last line without one counts; a UTF-8 byte-order mark at the start (Notepad writes one) is
 * skipped.
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
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final byte[] buffer = new byte[BUFFER];
  private final char[] line = new char[PinPolicy.LENGTH];
  private int length;
  private boolean digits = true;
  private boolean carriageReturn;
  private boolean pending;
  private int bomMatched;
  private boolean started;

  private PinLines() {}

  /** Reads {@code in} to its end, calling {@code sink} once per line. */
  static void read(InputStream in, Sink sink) throws IOException {
    new PinLines().readAll(in, sink);
  }

  private void readAll(InputStream in, Sink sink) throws IOException {
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        for (int i = 0; i < n; i++) {
          acceptByte(buffer[i], sink);
        }
        Secrets.wipe(buffer);
      }
      flushPartialBom(sink);
      if (pending || carriageReturn) {
        carriageReturn = false;
        endLine(sink);
      }
    } finally {
      Secrets.wipe(buffer);
      Secrets.wipe(line);
    }
  }

  /** Skips a leading byte-order mark; bytes of a mark begun but not finished count as text. */
  private void acceptByte(byte b, Sink sink) throws IOException {
    if (!started) {
      if (b == BOM[bomMatched]) {
        bomMatched++;
        if (bomMatched == BOM.length) {
          started = true;
        }
        return;
      }
      flushPartialBom(sink);
    }
    accept((char) (b & 0xFF), sink);
  }

  private void flushPartialBom(Sink sink) throws IOException {
    if (!started) {
      started = true;
      for (int i = 0; i < bomMatched; i++) {
        accept((char) (BOM[i] & 0xFF), sink);
      }
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
