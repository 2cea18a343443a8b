package dev.pindesk.domain.card;

import dev.pindesk.domain.codec.Bcd;
import java.time.DateTimeException;
import java.time.LocalDate;

/** Dates as the SSC stores them: 4 bytes of packed BCD, YYYYMMDD. */
public final class BcdDate {
  private BcdDate() {}

  /**
   * Decodes a 4-byte BCD date.
   *
   * @param element how to name the value in errors, e.g. {@code "BIRTH_DATE (EF06 tag 0D)"}
   * @throws IllegalArgumentException naming the element for a wrong length, non-BCD nibbles or a
   *     date that does not exist (the message never repeats the value: it may be a birth date)
   */
  public static LocalDate decode(byte[] bcd, String element) {
    if (bcd.length != 4) {
      throw new IllegalArgumentException(element + ": a date needs 4 bytes, got " + bcd.length);
    }
    String digits;
    try {
      digits = Bcd.decode(bcd);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(element + ": date is not BCD", e);
    }
    if (digits.length() != 8) {
      throw new IllegalArgumentException(element + ": date is padded, not YYYYMMDD");
    }
    int year = Integer.parseInt(digits.substring(0, 4));
    int month = Integer.parseInt(digits.substring(4, 6));
    int day = Integer.parseInt(digits.substring(6, 8));
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException(element + ": invalid month in date");
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(element + ": invalid day in date");
    }
  }

  /**
   * Encodes a date as 4 BCD bytes.
   *
   * @throws IllegalArgumentException for years outside 0000-9999
   */
  public static byte[] encode(LocalDate date) {
    if (date.getYear() < 0 || date.getYear() > 9999) {
      throw new IllegalArgumentException("year does not fit 4 BCD digits: " + date.getYear());
    }
    return Bcd.encode(
        String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
  }
}
