package dev.pindesk.domain.id;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Result of checking ID number input, meant for live validation while the clerk types: a prefix
 * that can still become a valid number is {@link IdCheckState#INCOMPLETE}, not an error. Checks run
 * in reading order (characters, length, region, birth date, check character), so the reported error
 * is the first one the clerk would reach.
 */
public final class IdCheck {
  static final int LENGTH = 18;
  private static final int DATE_START = 6;
  private static final int DATE_END = 14;

  private final IdCheckState state;
  private final int errorPosition;
  private final CitizenId id;

  private IdCheck(IdCheckState state, int errorPosition, CitizenId id) {
    this.state = state;
    this.errorPosition = errorPosition;
    this.id = id;
  }

  public IdCheckState state() {
    return state;
  }

  /** Stable clerk message key, {@code id.check.<state>}. */
  public String messageKey() {
    return state.messageKey();
  }

  public boolean isValid() {
    return state == IdCheckState.VALID;
  }

  public boolean isError() {
    return state.isError();
  }

  /** The parsed number when {@link #isValid()}. */
  public Optional<CitizenId> id() {
    return Optional.ofNullable(id);
  }

  /** Zero-based index of the character at which the error was found, for highlighting. */
  public OptionalInt errorPosition() {
    return errorPosition < 0 ? OptionalInt.empty() : OptionalInt.of(errorPosition);
  }

  @Override
  public String toString() {
    // Never the input itself: it is personal data.
    return "IdCheck[" + state + (errorPosition < 0 ? "" : " at " + errorPosition) + "]";
  }

  static IdCheck of(CharSequence input, LocalDate today) {
    int n = input.length();
    for (int i = 0; i < Math.min(n, LENGTH); i++) {
      if (!allowedAt(i, input.charAt(i))) {
        return error(IdCheckState.INVALID_CHARACTER, i);
      }
    }
    if (n > LENGTH) {
      return error(IdCheckState.TOO_LONG, LENGTH);
    }
    if (n >= 1 && input.charAt(0) == '0') {
      return error(IdCheckState.INVALID_REGION, 0);
    }
    if (n >= 2 && !knownProvincePrefix(input.charAt(0), input.charAt(1))) {
      return error(IdCheckState.INVALID_REGION, 1);
    }
    if (n > DATE_START) {
      int end = Math.min(n, DATE_END);
      switch (BirthDateField.judge(input.subSequence(DATE_START, end), today)) {
        case INVALID:
          return error(IdCheckState.INVALID_BIRTH_DATE, end - 1);
        case IN_FUTURE:
          return error(IdCheckState.BIRTH_DATE_IN_FUTURE, end - 1);
        default:
          break;
      }
    }
    if (n < LENGTH) {
      return new IdCheck(IdCheckState.INCOMPLETE, -1, null);
    }
    char expected = CitizenId.checkChar(input.subSequence(0, LENGTH - 1));
    if (Character.toUpperCase(input.charAt(LENGTH - 1)) != expected) {
      return error(IdCheckState.CHECKSUM_MISMATCH, LENGTH - 1);
    }
    String value = input.subSequence(0, LENGTH - 1).toString() + expected;
    LocalDate birthDate = BirthDateField.parse(value.substring(DATE_START, DATE_END));
    return new IdCheck(
        IdCheckState.VALID, -1, new CitizenId(value, CitizenIdKind.ofPrefix(value), birthDate));
  }

  private static IdCheck error(IdCheckState state, int position) {
    return new IdCheck(state, position, null);
  }

  private static boolean allowedAt(int index, char c) {
    boolean digit = c >= '0' && c <= '9';
    return digit || (index == LENGTH - 1 && (c == 'X' || c == 'x'));
  }

  /**
   * Province-level prefixes of GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71 Taiwan), the
   * residence permits 81/82/83, and any 9x (permanent residence ID, whose next digits are a
   * province code plus a nationality code).
   */
  private static boolean knownProvincePrefix(char first, char second) {
    int d = second - '0';
    switch (first) {
      case '1':
        return d >= 1 && d <= 5;
      case '2':
        return d >= 1 && d <= 3;
      case '3':
        return d >= 1 && d <= 7;
      case '4':
        return d >= 1 && d <= 6;
      case '5':
        return d >= 0 && d <= 4;
      case '6':
        return d >= 1 && d <= 5;
      case '7':
        return d == 1;
      case '8':
        return d >= 1 && d <= 3;
      case '9':
        return true;
      default:
        return false;
    }
  }
}
