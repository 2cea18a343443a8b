package dev.pindesk.domain.card;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Data elements of EF05 / EF06 as the card answers READ RECORD by tag: file, tag, value length,
 * encoding and whether every card carries it ({@code docs/card-data.md} gives the sources).
 *
 * <p>Only mandatory elements make a card unreadable when missing; optional ones (card type, issuer
 * organisation, ethnicity, birthplace, name extension) are absent on many cards in the field, which
 * answer {@code 6A 83} for them.
 */
public enum SscElement {
  CARD_ID_CODE(SscFile.EF05, 0x01, 16, Encoding.BINARY, true),
  CARD_TYPE(SscFile.EF05, 0x02, 1, Encoding.ASCII, false),
  SPEC_VERSION(SscFile.EF05, 0x03, 4, Encoding.ASCII, true),
  ISSUER_ORG(SscFile.EF05, 0x04, 12, Encoding.TEXT_OR_BINARY, false),
  ISSUE_DATE(SscFile.EF05, 0x05, 4, Encoding.BCD_DATE, true),
  EXPIRY_DATE(SscFile.EF05, 0x06, 4, Encoding.BCD_DATE, true),
  CARD_NUMBER(SscFile.EF05, 0x07, 9, Encoding.ASCII, true),
  SSN(SscFile.EF06, 0x08, 18, Encoding.ASCII, true),
  NAME(SscFile.EF06, 0x09, 30, Encoding.GB18030, true),
  NAME_EXTENSION(SscFile.EF06, 0x4E, 20, Encoding.GB18030, false),
  SEX(SscFile.EF06, 0x0A, 1, Encoding.ASCII, true),
  ETHNICITY(SscFile.EF06, 0x0B, 1, Encoding.BCD, false),
  BIRTHPLACE(SscFile.EF06, 0x0C, 3, Encoding.BCD, false),
  BIRTH_DATE(SscFile.EF06, 0x0D, 4, Encoding.BCD_DATE, true);

  /** How a value is encoded on the card. */
  public enum Encoding {
    ASCII,
    BCD,
    BCD_DATE,
    GB18030,
    /** Raw bytes, shown as upper-case hex. */
    BINARY,
    /** Sources disagree: ASCII on some cards, binary on others; shown as text when printable. */
    TEXT_OR_BINARY
  }

  private final SscFile file;
  private final int tag;
  private final int length;
  private final Encoding encoding;
  private final boolean mandatory;

  SscElement(SscFile file, int tag, int length, Encoding encoding, boolean mandatory) {
    this.file = file;
    this.tag = tag;
    this.length = length;
    this.encoding = encoding;
    this.mandatory = mandatory;
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

  /** Whether a card without this element is unreadable. */
  public boolean mandatory() {
    return mandatory;
  }

  /** Key of the element's name in the {@code messages} bundle, e.g. {@code card.element.09}. */
  public String messageKey() {
    return String.format("card.element.%02x", tag);
  }

  /** How logs and technical details name the element, e.g. {@code NAME (EF06 tag 09)}. */
  public String label() {
    return String.format("%s (%s tag %02X)", name(), file, tag);
  }

  /** Elements of one file in tag order. */
  public static List<SscElement> of(SscFile file) {
    return Stream.of(values()).filter(e -> e.file == file).toList();
  }

  public static Optional<SscElement> byTag(SscFile file, int tag) {
    return Stream.of(values()).filter(e -> e.file == file && e.tag == tag).findFirst();
  }
}
