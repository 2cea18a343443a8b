package dev.pindesk.cli.pin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.Pin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines of candidate PINs, split without Strings: what counts as a line of 6 digits. */
class PinLinesTest {
  /** Each line as "pin" (6 digits, checked digit by digit against nothing) or "other". */
  private static List<String> kinds(InputStream in) throws IOException {
    List<String> kinds = new ArrayList<>();
    List<Pin> pins = new ArrayList<>();
    PinLines.read(
        in,
        new PinLines.Sink() {
          @Override
          public void sixDigits(Pin pin) {
            assertThat(pin.length()).isEqualTo(6);
            pins.add(pin);
            kinds.add("pin");
          }

          @Override
          public void notSixDigits() {
            kinds.add("other");
          }
        });
    assertThat(pins).as("closed after each line").allMatch(Pin::isWiped);
    return kinds;
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hands out one byte per read, so every line and mark straddles reads. */
  private static InputStream oneByteAtATime(String text) {
    byte[] all = text.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private int next;

      @Override
      public int read() {
        return next < all.length ? all[next++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (next >= all.length) {
          return -1;
        }
        b[off] = all[next++];
        return 1;
      }
    };
  }

  @Test
  void onlyLinesOfExactlySixDigitsBecomePins() throws IOException {
    assertThat(kinds(bytes("385217\n38521\n3852170\n38521a\n\n 385217\n３８５２１７\n")))
        .containsExactly("pin", "other", "other", "other", "other", "other", "other");
  }

  @Test
  void windowsLineEndsAndALoneCarriageReturn() throws IOException {
    assertThat(kinds(bytes("385217\r\n3852\r17\n385217\r"))).containsExactly("pin", "other", "pin");
  }

  @Test
  void aByteOrderMarkIsSkippedOnlyAtTheStart() throws IOException {
    assertThat(kinds(bytes("\uFEFF385217\n\uFEFF385217\n"))).containsExactly("pin", "other");
    assertThat(kinds(oneByteAtATime("\uFEFF385217\n902741"))).containsExactly("pin", "pin");
    assertThat(kinds(bytes("\u00EF385217\n"))).as("not a mark").containsExactly("other");
  }

  @Test
  void noInputIsNoLine() throws IOException {
    assertThat(kinds(bytes(""))).isEmpty();
    assertThat(kinds(bytes("\n"))).containsExactly("other");
  }
}
