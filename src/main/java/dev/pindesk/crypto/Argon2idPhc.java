package dev.pindesk.crypto;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format, {@code
 * $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} with standard base64 without padding
 * (the format of the reference implementation, so stored hashes can be checked by other tools).
 */
record Argon2idPhc(PasswordHasher.Cost cost, byte[] salt, byte[] hash) {
  private static final Pattern FORMAT =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})"
              + "\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
  // Bounds for hashes read back: refuse values that would make verify() a denial of service.
  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 64;
  private static final int MAX_LANES = 16;

  /**
   * Parses {@code phc}.
   *
   * @throws IllegalArgumentException when it is not an Argon2id v1.3 PHC string within bounds (the
   *     message does not repeat the string: it holds a password hash)
   */
  static Argon2idPhc parse(String phc) {
    Matcher m = FORMAT.matcher(phc == null ? "" : phc);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an Argon2id v19 PHC string");
    }
    int memory = Integer.parseInt(m.group(1));
    int iterations = Integer.parseInt(m.group(2));
    int lanes = Integer.parseInt(m.group(3));
    if (memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || lanes > MAX_LANES) {
      throw new IllegalArgumentException("Argon2id parameters out of bounds");
    }
    byte[] salt = Base64.getDecoder().decode(m.group(4));
    byte[] hash = Base64.getDecoder().decode(m.group(5));
    if (salt.length < 8 || hash.length < 16) {
      throw new IllegalArgumentException("Argon2id salt or hash too short");
    }
    return new Argon2idPhc(new PasswordHasher.Cost(memory, iterations, lanes), salt, hash);
  }

  String format() {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m="
        + cost.memoryKiB()
        + ",t="
        + cost.iterations()
        + ",p="
        + cost.parallelism()
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  @Override
  public String toString() {
    return "Argon2idPhc[" + cost + "]";
  }
}
