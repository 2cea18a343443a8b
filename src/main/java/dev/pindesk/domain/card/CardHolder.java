package dev.pindesk.domain.card;

import java.time.LocalDate;
import java.util.Map;

/**
 * Holder information (EF06). STUB signatures — completed by the domain work package.
 *
 * @param ssn social security number as stored (equals the citizen's ID number)
 * @param name full name in Unicode: padding stripped, name extension appended
 * @param sex {@code "1"} male, {@code "2"} female, as stored
 * @param ethnicity GB 3304 code as two decimal digits, e.g. {@code "01"}
 * @param birthplace birthplace code, 6 decimal digits from BCD
 * @param birthDate birth date
 */
public record CardHolder(
    String ssn,
    String name,
    String sex,
    String ethnicity,
    String birthplace,
    LocalDate birthDate) {

  /**
   * Decodes the values of EF06 keyed by tag; the name extension (tag 4E) is optional.
   *
   * @throws IllegalArgumentException naming the element when a value is missing or malformed
   */
  public static CardHolder decode(Map<Integer, byte[]> valuesByTag) {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * Values keyed by tag as a card stores them; the name is GB18030 padded with 00 to 30 bytes, and
   * when it needs more, the rest goes to the name extension (tag 4E, 20 bytes).
   */
  public Map<Integer, byte[]> encode() {
    throw new UnsupportedOperationException("stub");
  }
}
