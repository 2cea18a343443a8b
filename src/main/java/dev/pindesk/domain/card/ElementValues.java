package dev.pindesk.domain.card;

import dev.pindesk.domain.codec.Bcd;
import dev.pindesk.domain.codec.Hex;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and writing the raw values of EF05/EF06 elements, with errors that name the element (the
 * card layer turns them into {@code MALFORMED_RESPONSE}). Regional cards differ in value lengths,
 * so text is accepted at any length and either padding byte.
 */
final class ElementValues {
  private ElementValues() {}

  /** How errors name an element, e.g. {@code NAME (EF06 tag 09)}. */
  static String label(SscElement e) {
    return e.label();
  }

  static ElementDecodingException malformed(SscElement e, String problem) {
    return new ElementDecodingException(e, problem, false);
  }

  /** The value of a mandatory element, at least one byte long. */
  static byte[] required(Map<Integer, byte[]> values, SscElement e) {
    byte[] v = values.get(e.tag());
    if (v == null) {
      throw new ElementDecodingException(e, "missing", true);
    }
    if (v.length == 0) {
      throw malformed(e, "empty value");
    }
    return v.clone();
  }

  /**
   * The value of an optional element; a value that is empty or only filler, as cards store an
   * element they do not use, is absent too: all 00 or FF, and for text also all 20 (for BCD 20 is a
   * value: ethnicity 20 is 傈僳族).
   */
  static Optional<byte[]> optional(Map<Integer, byte[]> values, SscElement e) {
    byte[] v = values.get(e.tag());
    if (v == null || onlyFiller(v, e.encoding() != SscElement.Encoding.BCD)) {
      return Optional.empty();
    }
    return Optional.of(v.clone());
  }

  private static boolean onlyFiller(byte[] v, boolean spaceIsFiller) {
    for (byte b : v) {
      if (b != 0x00 && b != (byte) 0xFF && !(spaceIsFiller && b == 0x20)) {
        return false;
      }
    }
    return true;
  }

  /** A binary element as upper-case hex, exactly its nominal length. */
  static String hex(Map<Integer, byte[]> values, SscElement e) {
    return Hex.of(requiredExactly(values, e, e.length()));
  }

  /**
   * An element the sources disagree on (ASCII or binary): the text when every byte before the
   * padding is printable ASCII, else the raw bytes as upper-case hex.
   */
  static Optional<String> textOrHex(Map<Integer, byte[]> values, SscElement e) {
    return optional(values, e)
        .map(
            v -> {
              int end = unpaddedLength(v);
              for (int i = 0; i < end; i++) {
                if ((v[i] & 0xFF) < 0x20 || (v[i] & 0xFF) > 0x7E) {
                  return Hex.of(v);
                }
              }
              return new String(v, 0, end, StandardCharsets.US_ASCII);
            });
  }

  /** An optional printable-ASCII element, padding stripped. */
  static Optional<String> optionalAscii(Map<Integer, byte[]> values, SscElement e) {
    return optional(values, e).map(v -> ascii(Map.of(e.tag(), v), e));
  }

  /**
   * An optional BCD element as its decimal digits (trailing F nibbles are padding).
   *
   * @param minDigits fewest digits a present value must have
   */
  static Optional<String> optionalBcd(Map<Integer, byte[]> values, SscElement e, int minDigits) {
    return optional(values, e)
        .map(
            v -> {
              if (v.length != e.length()) {
                throw malformed(e, "expected " + e.length() + " bytes, got " + v.length);
              }
              String digits;
              try {
                digits = Bcd.decode(v);
              } catch (IllegalArgumentException notBcd) {
                throw malformed(e, "not BCD");
              }
              if (digits.length() < minDigits) {
                throw malformed(e, "fewer than " + minDigits + " digits");
              }
              return digits;
            });
  }

  /** A 4-byte BCD date. */
  static LocalDate date(Map<Integer, byte[]> values, SscElement e) {
    byte[] v = required(values, e);
    try {
      return BcdDate.decode(v, label(e));
    } catch (IllegalArgumentException notADate) {
      throw malformed(e, "not a BCD date YYYYMMDD");
    }
  }

  /** The value with exactly {@code length} bytes. */
  static byte[] requiredExactly(Map<Integer, byte[]> values, SscElement e, int length) {
    byte[] v = required(values, e);
    if (v.length != length) {
      throw malformed(e, "expected " + length + " bytes, got " + v.length);
    }
    return v;
  }

  /** Number of bytes left after dropping trailing padding (any mix of 0x00 and 0x20). */
  static int unpaddedLength(byte[] value) {
    int end = value.length;
    while (end > 0 && (value[end - 1] == 0x00 || value[end - 1] == 0x20)) {
      end--;
    }
    return end;
  }

  /** A printable-ASCII text element, padding stripped, at least one character. */
  static String ascii(Map<Integer, byte[]> values, SscElement e) {
    byte[] v = required(values, e);
    int end = unpaddedLength(v);
    if (end == 0) {
      throw malformed(e, "only padding");
    }
    StringBuilder sb = new StringBuilder(end);
    for (int i = 0; i < end; i++) {
      int b = v[i] & 0xFF;
      if (b < 0x20 || b > 0x7E) {
        throw malformed(e, String.format("non-printable byte %02X at offset %d", b, i));
      }
      sb.append((char) b);
    }
    return sb.toString();
  }

  /**
   * Text as the card stores it: ASCII padded with 0x00 to the element's length.
   *
   * @throws IllegalArgumentException when the text is empty, not printable ASCII, too long, or ends
   *     with a space (which decoding would take for padding)
   */
  static byte[] asciiValue(SscElement e, String text) {
    if (text.isEmpty()) {
      throw malformed(e, "empty value");
    }
    if (text.endsWith(" ")) {
      throw malformed(e, "ends with a space, which reads back as padding");
    }
    byte[] out = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw malformed(e, "not printable ASCII at index " + i);
      }
      out[i] = (byte) c;
    }
    return padded(e, out, (byte) 0x00);
  }

  /** {@code content} padded with {@code pad} to the element's length. */
  static byte[] padded(SscElement e, byte[] content, byte pad) {
    if (content.length > e.length()) {
      throw malformed(e, content.length + " bytes do not fit " + e.length());
    }
    byte[] out = Arrays.copyOf(content, e.length());
    Arrays.fill(out, content.length, out.length, pad);
    return out;
  }
}
