package dev.pindesk.domain.card;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Data elements of EF05 / EF06 as the card answers READ RECORD by tag: file, tag, value length and
 * encoding (SSC-CARD.md, section 3).
 */
public enum SscElement {
  CARD_ID_CODE(SscFile.EF05, 0x01, 16, Encoding.ASCII),
  CARD_TYPE(SscFile.EF05, 0x02, 1, Encoding.ASCII),
  SPEC_VERSION(SscFile.EF05, 0x03, 4, Encoding.ASCII),
  ISSUER_ORG(SscFile.EF05, 0x04, 12, Encoding.ASCII),
  ISSUE_DATE(SscFile.EF05, 0x05, 4, Encoding.BCD_DATE),
  EXPIRY_DATE(SscFile.EF05, 0x06, 4, Encoding.BCD_DATE),
  CARD_NUMBER(SscFile.EF05, 0x07, 9, Encoding.ASCII),
  SSN(SscFile.EF06, 0x08, 18, Encoding.ASCII),
  NAME(SscFile.EF06, 0x09, 30, Encoding.GB18030),
  NAME_EXTENSION(SscFile.EF06, 0x4E, 20, Encoding.GB18030),
  SEX(SscFile.EF06, 0x0A, 1, Encoding.ASCII),
  ETHNICITY(SscFile.EF06, 0x0B, 1, Encoding.BINARY),
  BIRTHPLACE(SscFile.EF06, 0x0C, 3, Encoding.BCD),
  BIRTH_DATE(SscFile.EF06, 0x0D, 4, Encoding.BCD_DATE);

  /** How a value is encoded on the card. */
  public enum Encoding {
    ASCII,
    BCD,
    BCD_DATE,
    GB18030,
    BINARY
  }

  private final SscFile file;
  private final int tag;
  private final int length;
  private final Encoding encoding;

  SscElement(SscFile file, int tag, int length, Encoding encoding) {
    this.file = file;
    this.tag = tag;
    this.length = length;
    this.encoding = encoding;
  }

  public SscFile file() {
    return file;
  }

  public int tag() {
    return tag;
  }

  /** Value length in bytes (the TLV answer is {@code length + 2} bytes). */
  public int length() {
    return length;
  }

  public Encoding encoding() {
    return encoding;
  }

  /** Elements of one file in tag order. */
  public static List<SscElement> of(SscFile file) {
    return Stream.of(values()).filter(e -> e.file == file).toList();
  }

  public static Optional<SscElement> byTag(SscFile file, int tag) {
    return Stream.of(values()).filter(e -> e.file == file && e.tag == tag).findFirst();
  }
}
