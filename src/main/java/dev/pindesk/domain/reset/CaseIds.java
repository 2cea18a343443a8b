package dev.pindesk.domain.reset;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Makes readable, unique case ids: {@code <workstation>-<UTC yyyyMMdd>-<XXXX>-<XXXX>}, e.g. {@code
 * SZ0107-20250601-7K3F-QX2M}. The 8 characters are 40 random bits in Crockford base 32 (no I, L, O,
 * U: easy to read aloud over the phone). Uniqueness needs no counter that could repeat after a
 * restart: at 1,000 cases a day a workstation meets a collision about once in 3,000 years.
 */
public final class CaseIds {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final Pattern WORKSTATION = Pattern.compile("[A-Z0-9]{1,12}");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private final String workstation;
  private final Clock clock;
  private final Random random;

  /**
   * @param workstation 1-12 upper-case letters or digits
   * @param random a {@link java.security.SecureRandom} in production, seeded in tests
   */
  public CaseIds(String workstation, Clock clock, Random random) {
    if (!WORKSTATION.matcher(workstation).matches()) {
      throw new IllegalArgumentException("workstation id must be 1-12 of A-Z, 0-9");
    }
    this.workstation = workstation;
    this.clock = clock;
    this.random = random;
  }

  /** A fresh id. */
  public String next() {
    StringBuilder sb = new StringBuilder(workstation).append('-');
    sb.append(DAY.format(clock.instant())).append('-');
    long bits;
    synchronized (random) {
      bits = random.nextLong();
    }
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        sb.append('-');
      }
      sb.append(ALPHABET.charAt((int) (bits >>> (5 * i)) & 31));
    }
    return sb.toString();
  }
}
