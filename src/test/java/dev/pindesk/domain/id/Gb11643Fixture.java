package dev.pindesk.domain.id;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Builds valid numbers for tests with an independent derivation of the GB 11643 check (ISO 7064 MOD
 * 11-2): the weight of a position is 2^k mod 11, k counted from the right with the check character
 * at k = 0, and the check value c makes (sum + c) mod 11 equal 1, 10 written as X.
 */
final class Gb11643Fixture {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private Gb11643Fixture() {}

  static char expectedCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = 1;
      for (int k = 0; k < 17 - i; k++) {
        weight = weight * 2 % 11;
      }
      sum += Character.digit(first17.charAt(i), 10) * weight;
    }
    int check = Math.floorMod(1 - sum, 11);
    return check == 10 ? 'X' : (char) ('0' + check);
  }

  static String withCheck(String first17) {
    return first17 + expectedCheck(first17);
  }

  static String id(String region6, LocalDate birth, String sequence3) {
    return withCheck(region6 + birth.format(YYYYMMDD) + sequence3);
  }
}
