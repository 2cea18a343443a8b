package dev.pindesk.domain.id;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A valid 18-character GB 11643 identity number: resident ID, foreigner's permanent residence ID or
 * a Hong Kong / Macao / Taiwan residence permit (all share the layout and the check character).
 *
 * <p>The number is personal data: {@link #toString()} shows only the {@link #masked()} form; use
 * {@link #value()} deliberately where the full number is needed.
 */
public final class CitizenId {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARS = "10X98765432";

  private final String value;
  private final CitizenIdKind kind;
  private final LocalDate birthDate;

  CitizenId(String value, CitizenIdKind kind, LocalDate birthDate) {
    this.value = value;
    this.kind = kind;
    this.birthDate = birthDate;
  }

  /**
   * Parses a number; a lower-case {@code x} check character is normalised to {@code X}.
   *
   * @throws IllegalArgumentException with the reason (the {@link IdCheckState}) when invalid
   */
  public static CitizenId parse(String input, LocalDate today) {
    IdCheck check = check(input, today);
    return check
        .id()
        .orElseThrow(
            () -> new IllegalArgumentException("invalid ID number: " + reason(check, input)));
  }

  /** Checks complete or partial input (live validation); never throws for any input. */
  public static IdCheck check(CharSequence input, LocalDate today) {
    return IdCheck.of(input, today);
  }

  /**
   * The check character (0-9 or X) for the first 17 digits.
   *
   * @throws IllegalArgumentException unless the input is exactly 17 decimal digits
   */
  public static char checkChar(CharSequence first17) {
    if (first17.length() != WEIGHTS.length) {
      throw new IllegalArgumentException("need 17 digits, got " + first17.length() + " characters");
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit at index " + i);
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }

  /** The full 18-character number, check character upper case. Personal data: do not log. */
  public String value() {
    return value;
  }

  public CitizenIdKind kind() {
    return kind;
  }

  /**
   * The first 6 digits: the administrative region for resident IDs; {@code 810000} / {@code 820000}
   * / {@code 830000} for the residence permits; province + nationality for the permanent residence
   * ID.
   */
  public String regionCode() {
    return value.substring(0, 6);
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /** From the parity of the 17th digit: odd male, even female. */
  public Sex sex() {
    return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }

  /** First 6 + 8 asterisks + last 4, for logs and the journal. */
  public String masked() {
    return Mask.idNumber(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CitizenId other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /** The masked form only. */
  @Override
  public String toString() {
    return masked();
  }

  /** Why a check failed, without echoing the number (it is personal data). */
  private static String reason(IdCheck check, String input) {
    if (check.state() == IdCheckState.INCOMPLETE) {
      return "too short (" + input.length() + " of 18 characters)";
    }
    String what = check.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return what
        + check.errorPosition().stream().mapToObj(p -> " at index " + p).findFirst().orElse("");
  }
}
