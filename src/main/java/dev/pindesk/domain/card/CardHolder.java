package dev.pindesk.domain.card;

import dev.pindesk.domain.codec.Bcd;
import dev.pindesk.domain.id.Mask;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holder information (EF06). Personal data: {@link #toString()} masks the SSN and the name and
 * hides the birth date (which the SSN's masked middle would otherwise give away).
 *
 * @param ssn social security number as stored (equals the citizen's ID number; old cards may carry
 *     numbers that fail the checksum)
 * @param name full name in Unicode: padding stripped, name extension appended
 * @param sex {@code "1"} male, {@code "2"} female, as stored
 * @param ethnicity GB 3304 code as two decimal digits from one BCD byte ({@code 0x10} is 朝鲜族, code
 *     10), absent on cards without tag 0B
 * @param birthplace birthplace code, 6 decimal digits from BCD (fewer if the card pads with F),
 *     absent on the many cards without tag 0C
 * @param birthDate birth date
 */
public record CardHolder(
    String ssn,
    String name,
    String sex,
    Optional<String> ethnicity,
    Optional<String> birthplace,
    LocalDate birthDate) {

  public CardHolder {
    Objects.requireNonNull(ssn, "ssn");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(ethnicity, "ethnicity");
    Objects.requireNonNull(birthplace, "birthplace");
    ethnicity.ifPresent(
        e -> {
          if (!e.matches("[0-9]{2}") || e.equals("00")) {
            // 00 is what a card without an ethnicity stores: absent, not a code.
            throw new IllegalArgumentException("ethnicity must be two decimal digits, not 00");
          }
        });
    Objects.requireNonNull(birthDate, "birthDate");
  }

  /**
   * Decodes the values of EF06 keyed by tag; the name extension (4E), ethnicity (0B) and birthplace
   * (0C) are optional. Text may be shorter or longer than nominal and padded with 0x00 or 0x20; the
   * ethnicity must be 1 BCD byte, the birthplace 3 BCD bytes, the birth date 4 BCD bytes. Unknown
   * tags are ignored.
   *
   * @throws ElementDecodingException naming the element when a mandatory value is missing or any
   *     value is malformed
   */
  public static CardHolder decode(Map<Integer, byte[]> valuesByTag) {
    String ssn = ElementValues.ascii(valuesByTag, SscElement.SSN);
    String name =
        GbName.decode(
            ElementValues.required(valuesByTag, SscElement.NAME),
            ElementValues.optional(valuesByTag, SscElement.NAME_EXTENSION).orElse(new byte[0]));
    String sex = ElementValues.ascii(valuesByTag, SscElement.SEX);
    if (sex.length() != 1) {
      throw ElementValues.malformed(SscElement.SEX, "expected 1 character, got " + sex.length());
    }
    return new CardHolder(
        ssn,
        name,
        sex,
        ElementValues.optionalBcd(valuesByTag, SscElement.ETHNICITY, 2),
        ElementValues.optionalBcd(valuesByTag, SscElement.BIRTHPLACE, 2),
        ElementValues.date(valuesByTag, SscElement.BIRTH_DATE));
  }

  /**
   * Values keyed by tag as a card stores them; the name is GB18030 padded with 00 to 30 bytes, and
   * when it needs more, the rest goes to the name extension (tag 4E, 20 bytes); tag 4E is absent
   * otherwise, and so are an absent ethnicity or birthplace.
   *
   * @throws IllegalArgumentException naming the element when a value cannot be stored
   */
  public Map<Integer, byte[]> encode() {
    GbName.Encoded encodedName = GbName.encode(name);
    Map<Integer, byte[]> out = new LinkedHashMap<>();
    out.put(SscElement.SSN.tag(), ElementValues.asciiValue(SscElement.SSN, ssn));
    out.put(SscElement.NAME.tag(), encodedName.name());
    if (encodedName.hasExtension()) {
      out.put(SscElement.NAME_EXTENSION.tag(), encodedName.extension());
    }
    if (sex.length() != 1) {
      throw ElementValues.malformed(SscElement.SEX, "expected 1 character, got " + sex.length());
    }
    out.put(SscElement.SEX.tag(), ElementValues.asciiValue(SscElement.SEX, sex));
    ethnicity.ifPresent(e -> out.put(SscElement.ETHNICITY.tag(), encodeEthnicity(e)));
    birthplace.ifPresent(b -> out.put(SscElement.BIRTHPLACE.tag(), encodeBirthplace(b)));
    out.put(SscElement.BIRTH_DATE.tag(), BcdDate.encode(birthDate));
    return Collections.unmodifiableMap(out);
  }

  /** The SSN masked like {@link dev.pindesk.domain.id.CitizenId#masked()}; needs no valid ID. */
  public String maskedSsn() {
    return Mask.idNumber(ssn);
  }

  /** The name masked for logs: first character, then asterisks. */
  public String maskedName() {
    return Mask.name(name);
  }

  @Override
  public String toString() {
    return "CardHolder[ssn="
        + maskedSsn()
        + ", name="
        + maskedName()
        + ", sex="
        + sex
        + ", ethnicity="
        + ethnicity.orElse("-")
        + ", birthplace="
        + birthplace.orElse("-")
        + ", birthDate=****]";
  }

  /** One BCD byte: code 10 is {@code 0x10}. */
  private static byte[] encodeEthnicity(String ethnicity) {
    if (!ethnicity.matches("[0-9]{2}")) {
      throw ElementValues.malformed(SscElement.ETHNICITY, "expected two decimal digits");
    }
    return Bcd.encode(ethnicity);
  }

  private static byte[] encodeBirthplace(String birthplace) {
    if (!birthplace.matches("[0-9]{2,6}")) {
      throw ElementValues.malformed(SscElement.BIRTHPLACE, "expected 2 to 6 decimal digits");
    }
    byte[] packed = Bcd.encode(birthplace);
    return ElementValues.padded(SscElement.BIRTHPLACE, packed, (byte) 0xFF);
  }
}
