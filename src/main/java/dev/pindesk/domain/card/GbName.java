package dev.pindesk.domain.card;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * The holder's name as the SSC stores it: GB18030 (a superset of GBK, so rare characters survive)
 * in tag 09 (30 bytes), continued in the name extension tag 4E (20 bytes) when it does not fit,
 * each padded with 0x00 (cards also use 0x20).
 *
 * <p>The name is shown exactly as stored: only trailing padding bytes are removed, and bytes that
 * are not valid GB18030 are an error, never replaced. (GB18030 trail bytes are never 0x00 or 0x20,
 * so stripping padding cannot cut a character.)
 */
public final class GbName {
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final SscElement NAME = SscElement.NAME;
  private static final SscElement EXTENSION = SscElement.NAME_EXTENSION;

  /**
   * A name as card values: {@code name} is tag 09 padded to 30 bytes; {@code extension} is tag 4E
   * padded to 20 bytes, or empty when the name fits tag 09.
   */
  public record Encoded(byte[] name, byte[] extension) {
    public Encoded {
      name = name.clone();
      extension = extension.clone();
    }

    @Override
    public byte[] name() {
      return name.clone();
    }

    @Override
    public byte[] extension() {
      return extension.clone();
    }

    public boolean hasExtension() {
      return extension.length > 0;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Encoded e
          && Arrays.equals(e.name, name)
          && Arrays.equals(e.extension, extension);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(name) + Arrays.hashCode(extension);
    }

    @Override
    public String toString() {
      return "GbName.Encoded[" + name.length + " + " + extension.length + " bytes]";
    }
  }

  private GbName() {}

  /**
   * Decodes tag 09 and, when non-empty, appends the name extension (pass an empty array when the
   * card has no tag 4E).
   *
   * @throws IllegalArgumentException naming the element for invalid GB18030, control characters or
   *     a name that is only padding
   */
  public static String decode(byte[] name, byte[] extension) {
    String full = decodePart(NAME, name) + decodePart(EXTENSION, extension);
    if (full.isEmpty()) {
      throw ElementValues.malformed(NAME, "only padding");
    }
    return full;
  }

  /**
   * Encodes a name; the first part fills up to 30 bytes without splitting a character (GB18030
   * characters take 1, 2 or 4 bytes), the rest goes to the extension.
   *
   * @throws IllegalArgumentException when the name is empty, ends with a space, holds control
   *     characters or unpaired surrogates, or needs more than 50 bytes
   */
  public static Encoded encode(String name) {
    if (name.isEmpty()) {
      throw ElementValues.malformed(NAME, "empty name");
    }
    if (name.endsWith(" ")) {
      throw ElementValues.malformed(NAME, "ends with a space, which reads back as padding");
    }
    int[] codePoints = name.codePoints().toArray();
    byte[][] encoded = new byte[codePoints.length][];
    int total = 0;
    for (int i = 0; i < codePoints.length; i++) {
      encoded[i] = encodeCodePoint(codePoints[i], i);
      total += encoded[i].length;
    }
    int max = NAME.length() + EXTENSION.length();
    if (total > max) {
      throw ElementValues.malformed(
          NAME, "needs " + total + " bytes in GB18030, at most " + max + " fit with tag 4E");
    }
    int cut = 0;
    int firstBytes = 0;
    while (cut < encoded.length && firstBytes + encoded[cut].length <= NAME.length()) {
      firstBytes += encoded[cut].length;
      cut++;
    }
    // A space ending tag 09 would be read back as padding: start the extension with it instead.
    while (cut < encoded.length
        && cut > 1
        && codePoints[cut - 1] == ' '
        && total - firstBytes + 1 <= EXTENSION.length()) {
      cut--;
      firstBytes--;
    }
    if (total - firstBytes > EXTENSION.length()) {
      throw ElementValues.malformed(
          NAME, "does not fit 30 + 20 bytes without splitting a character");
    }
    if (cut < encoded.length && codePoints[cut - 1] == ' ') {
      throw ElementValues.malformed(
          NAME, "a space would end tag 09 and read back as padding; the name cannot be stored");
    }
    byte[] first = concat(encoded, 0, cut);
    byte[] rest = concat(encoded, cut, encoded.length);
    return new Encoded(
        ElementValues.padded(NAME, first, (byte) 0x00),
        rest.length == 0 ? rest : ElementValues.padded(EXTENSION, rest, (byte) 0x00));
  }

  /** Number of GB18030 bytes a name needs (1, 2 or 4 per character). */
  public static int byteLength(String name) {
    return name.getBytes(GB18030).length;
  }

  private static String decodePart(SscElement e, byte[] value) {
    int end = ElementValues.unpaddedLength(value);
    CharsetDecoder decoder =
        GB18030
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(value, 0, end)).toString();
    } catch (CharacterCodingException ex) {
      throw ElementValues.malformed(e, "not valid GB18030");
    }
    if (text.codePoints().anyMatch(Character::isISOControl)) {
      throw ElementValues.malformed(e, "contains control characters");
    }
    return text;
  }

  private static byte[] encodeCodePoint(int codePoint, int index) {
    if (Character.isISOControl(codePoint)) {
      throw ElementValues.malformed(NAME, "control character at character " + index);
    }
    CharsetEncoder encoder =
        GB18030
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer buf = encoder.encode(CharBuffer.wrap(Character.toChars(codePoint)));
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (CharacterCodingException ex) {
      throw ElementValues.malformed(NAME, "cannot encode character " + index + " in GB18030");
    }
  }

  private static byte[] concat(byte[][] parts, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += parts[i].length;
    }
    byte[] out = new byte[n];
    int pos = 0;
    for (int i = from; i < to; i++) {
      System.arraycopy(parts[i], 0, out, pos, parts[i].length);
      pos += parts[i].length;
    }
    return out;
  }
}
