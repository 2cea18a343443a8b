package dev.pindesk.domain.pin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The 6-digit forms people make of a birth date: every order of the two-digit year, month and day
 * (YYMMDD, also the last 6 of YYYYMMDD; YYDDMM; MMDDYY and DDMMYY, also the first 6 of MMDDYYYY /
 * DDMMYYYY; MMYYDD; DDYYMM), and the four-digit year with the month (YYYYMM, MMYYYY). Birth dates
 * are personal data but not secrets; the PIN is never turned into one of these strings, it is
 * compared digit by digit.
 */
final class BirthDateForms {
  private static final int ID_DATE_START = 6;
  private static final int ID_DATE_END = 14;
  private static final int OLD_LENGTH = 15;

  private BirthDateForms() {}

  /** All forms of each date, without duplicates. */
  static Set<String> of(List<LocalDate> dates) {
    Set<String> forms = new LinkedHashSet<>();
    for (LocalDate d : dates) {
      String yyyy = String.format("%04d", d.getYear());
      String yy = yyyy.substring(2);
      String mm = String.format("%02d", d.getMonthValue());
      String dd = String.format("%02d", d.getDayOfMonth());
      forms.add(yy + mm + dd);
      forms.add(yy + dd + mm);
      forms.add(mm + dd + yy);
      forms.add(mm + yy + dd);
      forms.add(dd + mm + yy);
      forms.add(dd + yy + mm);
      forms.add(yyyy + mm);
      forms.add(mm + yyyy);
    }
    return forms;
  }

  /** The holder's birth date plus the birth dates encoded in the ID numbers (agent's too). */
  static List<LocalDate> datesOf(PinContext context) {
    List<LocalDate> dates = new ArrayList<>();
    context.holderBirthDate().ifPresent(dates::add);
    for (String id : context.idNumbers()) {
      fromIdNumber(id).ifPresent(dates::add);
    }
    return dates;
  }

  /**
   * The birth date in an ID number, when it holds one: positions 7-14 (YYYYMMDD) of an 18-character
   * number, positions 7-12 (YYMMDD, born in the 1900s) of an old 15-digit one.
   */
  static Optional<LocalDate> fromIdNumber(String id) {
    if (id.length() == OLD_LENGTH) {
      return date("19" + id.substring(ID_DATE_START, ID_DATE_START + 6));
    }
    if (id.length() < ID_DATE_END) {
      return Optional.empty();
    }
    return date(id.substring(ID_DATE_START, ID_DATE_END));
  }

  /** YYYYMMDD as a date, when it is one. */
  private static Optional<LocalDate> date(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(s.substring(0, 4)),
              Integer.parseInt(s.substring(4, 6)),
              Integer.parseInt(s.substring(6, 8))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
