package dev.pindesk.crypto;

import dev.pindesk.domain.Secrets;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Operator password hashing with Argon2id (RFC 9106) through BouncyCastle, stored as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}). Passwords arrive as {@code char[]}; their
 * UTF-8 bytes are wiped after use. The caller keeps (and wipes) its own array.
 */
public final class PasswordHasher {
  /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
  public static final Cost OWASP_MINIMUM = new Cost(19456, 2, 1);

  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  private final Cost cost;
  private final SecureRandom random;

  /**
   * Argon2id cost parameters.
   *
   * @param memoryKiB memory in KiB (at least 8 per lane)
   * @param iterations passes over memory
   * @param parallelism lanes
   */
  public record Cost(int memoryKiB, int iterations, int parallelism) {
    public Cost {
      if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
        throw new IllegalArgumentException("invalid Argon2id cost m=" + memoryKiB);
      }
    }
  }

  /** Hashes with {@link #OWASP_MINIMUM}. */
  public PasswordHasher() {
    this(OWASP_MINIMUM);
  }

  /** Hashes with {@code cost} (tests use a cheap one; production uses the default). */
  public PasswordHasher(Cost cost) {
    this.cost = cost;
    this.random = new SecureRandom();
  }

  /** A fresh PHC string for {@code password}, with a random 16-byte salt. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, cost, HASH_BYTES);
    return new Argon2idPhc(cost, salt, hash).format();
  }

  /**
   * Whether {@code password} matches {@code phc}, compared in constant time. A malformed or
   * out-of-bounds {@code phc} never matches.
   */
  public boolean verify(char[] password, String phc) {
    Argon2idPhc stored;
    try {
      stored = Argon2idPhc.parse(phc);
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] actual = derive(password, stored.salt(), stored.cost(), stored.hash().length);
    try {
      return MessageDigest.isEqual(actual, stored.hash());
    } finally {
      Secrets.wipe(actual);
    }
  }

  /**
   * Whether {@code phc} should be replaced by a new hash of the same password: it is malformed, or
   * made with other parameters or lengths than this hasher's.
   */
  public boolean needsRehash(String phc) {
    try {
      Argon2idPhc stored = Argon2idPhc.parse(phc);
      return !stored.cost().equals(cost)
          || stored.salt().length != SALT_BYTES
          || stored.hash().length != HASH_BYTES;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, Cost cost, int length) {
    byte[] utf8 = utf8(password);
    try {
      return argon2id(utf8, salt, new byte[0], new byte[0], cost, length);
    } finally {
      Secrets.wipe(utf8);
    }
  }

  /** Raw Argon2id v1.3 (RFC 9106 section 3) with optional secret and associated data. */
  static byte[] argon2id(
      byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Cost cost, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKiB())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .withSecret(secret)
            .withAdditional(associatedData)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    parameters.clear();
    return out;
  }

  /** UTF-8 bytes of {@code chars} without going through a String (which cannot be wiped). */
  static byte[] utf8(char[] chars) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer encoded;
    try {
      encoded = encoder.encode(CharBuffer.wrap(chars));
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("UTF-8 encoding with REPLACE cannot fail", e);
    }
    byte[] bytes = Arrays.copyOfRange(encoded.array(), 0, encoded.limit());
    Secrets.wipe(encoded.array());
    return bytes;
  }
}
