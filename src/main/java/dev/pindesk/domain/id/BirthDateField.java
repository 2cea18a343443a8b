package dev.pindesk.domain.id;

import java.time.LocalDate;

/**
 * Checks the birth-date field (positions 7-14, YYYYMMDD) of an ID number while it is still being
 * typed: a prefix is acceptable when at least one completion is a real date from 1900-01-01 up to
 * today.
 */
final class BirthDateField {
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  enum Verdict {
    POSSIBLE,
    INVALID,
    IN_FUTURE
  }

  private BirthDateField() {}

  /**
   * Judges the first {@code digits.length()} (0-8) digits of the date.
   *
   * <p>The completions of a prefix form one numeric interval, and YYYYMMDD order is calendar order,
   * so it is enough to find the earliest real date inside the interval (and not before 1900).
   */
  static Verdict judge(CharSequence digits, LocalDate today) {
    String prefix = digits.toString();
    int lo = Integer.parseInt((prefix + "00000000").substring(0, 8));
    int hi = Integer.parseInt((prefix + "99999999").substring(0, 8));
    LocalDate first = earliestRealDateFrom(Math.max(lo, asNumber(EARLIEST)));
    if (asNumber(first) > hi) {
      return Verdict.INVALID;
    }
    return first.isAfter(today) ? Verdict.IN_FUTURE : Verdict.POSSIBLE;
  }

  /** The date for exactly 8 digits, which must already have been judged POSSIBLE. */
  static LocalDate parse(CharSequence digits) {
    int n = Integer.parseInt(digits.toString());
    return LocalDate.of(n / 10000, n / 100 % 100, n % 100);
  }

  /** The earliest real date whose YYYYMMDD number is at least {@code n} (n has 8 digits). */
  private static LocalDate earliestRealDateFrom(int n) {
    int y = n / 10000;
    int m = n / 100 % 100;
    int d = n % 100;
    if (m == 0) {
      return LocalDate.of(y, 1, 1);
    }
    if (m > 12) {
      return LocalDate.of(y + 1, 1, 1);
    }
    LocalDate monthStart = LocalDate.of(y, m, 1);
    if (d == 0) {
      return monthStart;
    }
    if (d > monthStart.lengthOfMonth()) {
      return monthStart.plusMonths(1);
    }
    return LocalDate.of(y, m, d);
  }

  private static int asNumber(LocalDate date) {
    return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
  }
}
